using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3.AttributeValues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>POST customers</c>: 1 to 10 customers, created in request order and answered as BigCommerce does (V3 doc 1.3).</summary>
public abstract class CreateTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_of_the_required_fields_is_answered_whole_with_blank_strings_zero_credit_and_every_channel()
    {
        var store = await api.NewStoreAsync();
        var before = UtcSecond();

        var created = (await store.CreateV3Async(new { email = "jane@example.com", first_name = "Jane", last_name = "Doe" })).Single();

        var after = UtcSecond();
        var date = created.Instant("date_created");
        date.ShouldBeInRange(before, after);
        created.Instant("date_modified").ShouldBe(date);
        var stamp = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        created.GetRawText().ShouldBe($$"""
            {"id":1,"authentication":{"force_password_reset":false},"company":"","customer_group_id":0,"email":"jane@example.com","first_name":"Jane","last_name":"Doe","notes":"","phone":"","registration_ip_address":"","tax_exempt_category":"","date_created":"{{stamp}}","date_modified":"{{stamp}}","accepts_product_review_abandoned_cart_emails":false,"store_credit_amounts":[{"amount":0}],"origin_channel_id":1,"channel_ids":null}
            """);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        var listed = await store.V3CustomerAsync(1, "storecredit");
        listed.GetRawText().ShouldBe(created.GetRawText());
    }

    [Fact]
    public async Task Every_field_it_takes_is_stored_and_answered_with_the_addresses_sent_but_never_the_password()
    {
        var store = await api.NewStoreAsync();
        var groupId = (await store.CreateGroupAsync("Wholesale")).GetProperty("id").GetInt32();
        var attributes = await store.CreateAttributesAsync(("Nickname", "string"), ("Age", "number"), ("Since", "date"));

        var created = (await store.CreateV3Async(Customer("jane@example.com", new
        {
            company = "Acme Corp", phone = "555-123-4567", notes = "Preferred customer", tax_exempt_category = "Non-profit",
            customer_group_id = groupId,
            addresses = new[]
            {
                Address("San Francisco", "US", new
                {
                    company = "History", address2 = "Suite 5", state_or_province = "California", postal_code = "33333", phone = "707070707",
                    address_type = "commercial",
                }),
                Address("Toronto", "CA"),
            },
            attributes = new[]
            {
                new { attribute_id = attributes[0], attribute_value = "JJ" },
                new { attribute_id = attributes[1], attribute_value = "42" },
                new { attribute_id = attributes[2], attribute_value = "2024-05-14" },
            },
            authentication = new { force_password_reset = true, new_password = Passwords.Good },
            accepts_product_review_abandoned_cart_emails = true,
            trigger_account_created_notification = true,
            store_credit_amounts = new[] { new { amount = 43.15m } },
            origin_channel_id = 2,
            channel_ids = new List<int> { 3, 1, 3 },
            form_fields = Array.Empty<object>(),
        }))).Single();

        created.GetProperty("id").GetInt32().ShouldBe(1);
        created.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":true}""");
        created.GetProperty("company").GetString().ShouldBe("Acme Corp");
        created.GetProperty("customer_group_id").GetInt32().ShouldBe(groupId);
        created.GetProperty("phone").GetString().ShouldBe("555-123-4567");
        created.GetProperty("notes").GetString().ShouldBe("Preferred customer");
        created.GetProperty("tax_exempt_category").GetString().ShouldBe("Non-profit");
        created.GetProperty("accepts_product_review_abandoned_cart_emails").GetBoolean().ShouldBeTrue();
        created.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":43.15}]""");
        created.GetProperty("origin_channel_id").GetInt32().ShouldBe(2);
        created.GetProperty("channel_ids").GetRawText().ShouldBe("[1,3]");
        created.TryGetProperty("attributes", out _).ShouldBeFalse();
        var addresses = created.GetProperty("addresses").EnumerateArray().ToArray();
        addresses.Length.ShouldBe(2);
        addresses[0].EnumerateObject().Select(p => p.Name).ShouldBe(AddressShape);
        addresses[0].GetRawText().ShouldBe("""
            {"id":1,"address1":"12 Main St","address2":"Suite 5","address_type":"commercial","city":"San Francisco","company":"History","country":"United States","country_code":"US","customer_id":1,"first_name":"Ronald","last_name":"Swimmer","phone":"707070707","postal_code":"33333","state_or_province":"California"}
            """);
        addresses[1].GetRawText().ShouldBe("""
            {"id":2,"address1":"12 Main St","address2":"","address_type":"residential","city":"Toronto","company":"","country":"Canada","country_code":"CA","customer_id":1,"first_name":"Ronald","last_name":"Swimmer","phone":"","postal_code":"","state_or_province":""}
            """);

        var listed = await store.V3CustomerAsync(1);
        listed.GetProperty("addresses").GetRawText().ShouldBe(created.GetProperty("addresses").GetRawText());
        listed.GetProperty("attributes").EnumerateArray()
            .Select(a => (a.GetProperty("attribute_id").GetInt32(), a.GetProperty("attribute_value").GetString(), a.GetProperty("customer_id").GetInt32()))
            .ShouldBe([(attributes[0], "JJ", 1), (attributes[1], "42", 1), (attributes[2], "2024-05-14", 1)]);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_batch_is_created_and_answered_in_request_order_after_the_stores_existing_customers()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("v2-one@example.com");
        await store.CreateCustomerAsync("v2-two@example.com");

        var created = await store.CreateV3Async(
            Customer("zed@example.com"), Customer("amy@example.com", new { addresses = new[] { Address() } }), Customer("max@example.com"));

        created.Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("email").GetString())).ShouldBe(
            [(3, "zed@example.com"), (4, "amy@example.com"), (5, "max@example.com")]);
        created.Select(c => c.TryGetProperty("addresses", out _)).ShouldBe([false, true, false]);
        created[1].GetProperty("addresses").EnumerateArray().Single().GetProperty("customer_id").GetInt32().ShouldBe(4);
        (await store.V2.IdsAsync()).ShouldBe([1, 2, 3, 4, 5]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(5);
        (await store.AddressCountAsync(4)).ShouldBe(1);
        (await store.AddressCountAsync(3)).ShouldBe(0);
    }

    [Fact]
    public async Task Ten_customers_with_ten_addresses_and_ten_attribute_values_each_are_created_in_one_call()
    {
        var store = await api.NewStoreAsync();
        var attributes = await store.CreateAttributesAsync([.. Enumerable.Range(1, 10).Select(i => ($"Field {i}", "string"))]);

        var created = await store.CreateV3Async([.. Enumerable.Range(1, 10).Select(c => Customer($"c{c}@example.com", new
        {
            addresses = Enumerable.Range(1, 10).Select(a => Address($"City {c}.{a}")).ToArray(),
            attributes = attributes.Select(a => new { attribute_id = a, attribute_value = $"c{c} a{a}" }).ToArray(),
        }))]);

        created.Select(c => c.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 10));
        created.SelectMany(c => c.GetProperty("addresses").EnumerateArray()).Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 100));
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(10);
        for (var c = 1; c <= 10; c++)
        {
            (await store.AddressCountAsync(c)).ShouldBe(10);
        }

        var values = await store.ValuesAsync("limit=250");
        values.Length.ShouldBe(100);
        values.ShouldAllBe(v => v.GetProperty("attribute_value").GetString() == $"c{v.GetProperty("customer_id").GetInt32()} a{v.GetProperty("attribute_id").GetInt32()}");
    }

    [Fact]
    public async Task Keys_it_does_not_take_are_ignored_even_misspelt_ones_and_read_only_ones()
    {
        var store = await api.NewStoreAsync();
        var before = UtcSecond();

        // The WordPress plugin's misspelt channels_ids still creates a customer, of every channel (V3 doc 1.3).
        var created = (await store.CreateV3Async(Customer("jane@example.com", new
        {
            channels_ids = new List<int> { 3 }, id = 77, registration_ip_address = "10.0.0.1", date_created = "2001-01-01T00:00:00Z",
            date_modified = "2001-01-01T00:00:00Z", address_count = 4, shopper_profile_id = "abc", nonsense = new { deep = true },
        }))).Single();

        created.GetProperty("id").GetInt32().ShouldBe(1);
        created.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("registration_ip_address").GetString().ShouldBe("");
        created.Instant("date_created").ShouldBeGreaterThanOrEqualTo(before);
        created.Instant("date_modified").ShouldBeGreaterThanOrEqualTo(before);
        (await store.V3CustomerAsync(1, "storecredit")).GetRawText().ShouldBe(created.GetRawText());
    }

    [Fact]
    public async Task Email_and_names_are_stored_without_surrounding_spaces_and_the_email_keeps_its_case()
    {
        var store = await api.NewStoreAsync();

        var created = (await store.CreateV3Async(new { email = "  Jane.Doe@Example.com\t", first_name = " Jane ", last_name = "Doe  " })).Single();

        created.GetProperty("email").GetString().ShouldBe("Jane.Doe@Example.com");
        created.GetProperty("first_name").GetString().ShouldBe("Jane");
        created.GetProperty("last_name").GetString().ShouldBe("Doe");
        var v2 = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        (v2.GetProperty("email").GetString(), v2.GetProperty("first_name").GetString(), v2.GetProperty("last_name").GetString())
            .ShouldBe(("Jane.Doe@Example.com", "Jane", "Doe"));
    }

    [Theory]
    [InlineData("[]", "[{\"amount\":0}]", "0.0000")]
    [InlineData("[{\"amount\":0.5}]", "[{\"amount\":0.5}]", "0.5000")]
    [InlineData("[{\"amount\":999999999999.9999}]", "[{\"amount\":999999999999.9999}]", "999999999999.9999")]
    public async Task Store_credit_is_one_amount_answered_as_a_number(string sent, string answered, string v2)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V3.PostJsonAsync(Url, $$"""[{"email":"jane@example.com","first_name":"Jane","last_name":"Doe","store_credit_amounts":{{sent}}}]""");

        (await response.ShouldBeWrittenAsync(1)).Single().GetProperty("store_credit_amounts").GetRawText().ShouldBe(answered);
        (await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("store_credit").GetString().ShouldBe(v2);
    }

    [Fact]
    public async Task A_country_code_is_matched_ignoring_case_and_stored_upper_case_with_the_countrys_name()
    {
        var store = await api.NewStoreAsync();

        var address = (await store.CreateV3Async(Customer("jane@example.com", new { addresses = new[] { Address("London", "gb") } })))
            .Single().GetProperty("addresses").EnumerateArray().Single();

        (address.GetProperty("country_code").GetString(), address.GetProperty("country").GetString()).ShouldBe(("GB", "United Kingdom"));
        var v2 = (await (await store.V2.GetAsync("customers/1/addresses")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        (v2.GetProperty("country_iso2").GetString(), v2.GetProperty("country").GetString()).ShouldBe(("GB", "United Kingdom"));
    }

    [Fact]
    public async Task Customer_group_0_is_no_group_and_an_existing_group_takes_the_customer()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(2);

        var created = await store.CreateV3Async(Customer("none@example.com", new { customer_group_id = 0 }), Customer("two@example.com", new { customer_group_id = 2 }));

        created.Select(c => c.GetProperty("customer_group_id").GetInt32()).ShouldBe([0, 2]);
        (await store.V2.IdsAsync("customer_group_id=2")).ShouldBe([2]);
    }

    [Fact]
    public async Task Each_store_numbers_its_own_customers_and_another_stores_token_is_401_writing_nothing()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("first@example.com");
        await other.CreateCustomerAsync("second@example.com");

        (await store.CreateV3Async(Customer("jane@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(1);
        (await other.CreateV3Async(Customer("jane@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(3);

        var foreign = await store.V3With(other.Token).PostJsonAsync(Url, new[] { Customer("intruder@example.com") });
        await foreign.ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        (await store.V2.IdsAsync()).ShouldBe([1]);
        (await other.V2.IdsAsync()).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task A_read_only_token_is_403_and_nothing_is_written()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));

        var response = await readOnly.PostJsonAsync(Url, new[] { Customer("jane@example.com") });

        await response.ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Passwords_sent_in_creates_and_updates_reach_no_log_line()
    {
        var logs = new CapturedLogs();
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?>(),
            services => services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace)));
        var store = await TestStore.NewOnAsync(factory);
        var withPassword = Customer("jane@example.com", new { authentication = new { new_password = Passwords.Good } });

        await store.CreateV3Async(withPassword);
        (await store.PostCustomersAsync(withPassword)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await store.UpdateV3Async(new { id = 1, authentication = new { new_password = Passwords.Other } });
        (await store.PutCustomersAsync(new { id = 2, authentication = new { new_password = Passwords.Good } })).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);

        logs.Entries.Count.ShouldBeGreaterThan(0);
        var logged = string.Join("\n", logs.Entries.Select(e => $"{e.Message} {e.Exception}"));
        foreach (var password in Passwords.All)
        {
            logged.ShouldNotContain(password);
        }

        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeTrue();
    }
}

public sealed class CreateTests_Sqlite(SqliteApi api) : CreateTests(api), IClassFixture<SqliteApi>;

public sealed class CreateTests_Postgres(PostgresApi api) : CreateTests(api), IClassFixture<PostgresApi>;
