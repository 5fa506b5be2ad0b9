using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V2.Customers;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// <c>PUT customers</c>: partial updates of 1 to 10 customers by id, all or none (V3 doc 1.4). Read-only fields and
/// sub-resources sent back are ignored; an unknown id, an id twice or a taken email is a 422 naming the item.
/// </summary>
public abstract class UpdateTests(ApiFixture api)
{
    [Fact]
    public async Task Only_the_fields_sent_change_and_the_answer_is_the_whole_customer()
    {
        var store = await StoreAsync();
        var before = await store.V3CustomerAsync(1, "storecredit");

        var updated = (await store.UpdateV3Async(new { id = 1, phone = "555-0199", notes = "Prefers email." })).Single();

        var expected = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before.GetRawText())!;
        var actual = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(updated.GetRawText())!;
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var key in expected.Keys.Except(["phone", "notes", "date_modified"]))
        {
            actual[key].GetRawText().ShouldBe(expected[key].GetRawText(), key);
        }

        updated.GetProperty("phone").GetString().ShouldBe("555-0199");
        updated.GetProperty("notes").GetString().ShouldBe("Prefers email.");
        updated.Instant("date_modified").ShouldBeGreaterThanOrEqualTo(before.Instant("date_modified"));
        (await store.V3CustomerAsync(1, "storecredit")).GetRawText().ShouldBe(updated.GetRawText());
        (await store.V3CustomerAsync(2, "storecredit")).GetProperty("phone").GetString().ShouldBe("");
    }

    [Fact]
    public async Task Every_writable_field_is_changed_and_the_new_password_is_the_one_that_validates()
    {
        var store = await StoreAsync();
        await store.CreateGroupsAsync(2);

        var updated = (await store.UpdateV3Async(new
        {
            id = 1, email = "Jane.Smith@example.com", first_name = "Janet", last_name = "Smith", company = "Acme", phone = "555", notes = "VIP",
            tax_exempt_category = "B", customer_group_id = 2, authentication = new { new_password = Passwords.Other, force_password_reset = true },
            accepts_product_review_abandoned_cart_emails = true, store_credit_amounts = new[] { new { amount = 12.5m } },
            channel_ids = new List<int> { 2, 1 }, form_fields = Array.Empty<object>(),
        })).Single();

        updated.GetProperty("email").GetString().ShouldBe("Jane.Smith@example.com");
        (updated.GetProperty("first_name").GetString(), updated.GetProperty("last_name").GetString()).ShouldBe(("Janet", "Smith"));
        (updated.GetProperty("company").GetString(), updated.GetProperty("phone").GetString(), updated.GetProperty("notes").GetString())
            .ShouldBe(("Acme", "555", "VIP"));
        updated.GetProperty("tax_exempt_category").GetString().ShouldBe("B");
        updated.GetProperty("customer_group_id").GetInt32().ShouldBe(2);
        updated.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":true}""");
        updated.GetProperty("accepts_product_review_abandoned_cart_emails").GetBoolean().ShouldBeTrue();
        updated.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":12.5}]""");
        updated.GetProperty("channel_ids").GetRawText().ShouldBe("[1,2]");
        (await store.V3CustomerAsync(1, "storecredit,formfields")).GetRawText().ShouldBe(updated.GetRawText());
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeFalse();
    }

    [Fact]
    public async Task Read_only_fields_sub_resources_and_unknown_keys_sent_back_are_ignored()
    {
        var store = await StoreAsync();
        var before = await store.V3CustomerAsync(1);
        var addressesBefore = await store.AddressesTextAsync(1);
        var valuesBefore = await store.ValueTextsAsync();

        var updated = (await store.UpdateV3Async(new
        {
            id = 1, registration_ip_address = "10.0.0.1", origin_channel_id = 9, date_created = "2001-01-01T00:00:00Z",
            date_modified = "2001-01-01T00:00:00Z", addresses = new[] { new { id = 1, city = "Elsewhere" } },
            attributes = new[] { new { attribute_id = 1, attribute_value = "99" } }, address_count = 7, trigger_account_created_notification = true,
            nonsense = "x",
        })).Single();

        updated.GetProperty("registration_ip_address").GetString().ShouldBe("");
        updated.GetProperty("origin_channel_id").GetInt32().ShouldBe(before.GetProperty("origin_channel_id").GetInt32());
        updated.GetProperty("date_created").GetString().ShouldBe(before.GetProperty("date_created").GetString());
        updated.Instant("date_modified").ShouldBeGreaterThanOrEqualTo(before.Instant("date_modified"));
        updated.TryGetProperty("addresses", out _).ShouldBeFalse();
        (await store.AddressesTextAsync(1)).ShouldBe(addressesBefore);
        (await store.ValueTextsAsync()).ShouldBe(valuesBefore);
        var after = await store.V3CustomerAsync(1);
        after.GetProperty("addresses").GetRawText().ShouldBe(before.GetProperty("addresses").GetRawText());
        after.GetProperty("attributes").GetRawText().ShouldBe(before.GetProperty("attributes").GetRawText());
    }

    [Theory]
    [InlineData(""" "addresses":"none","attributes":5,"registration_ip_address":7,"origin_channel_id":"one","date_created":false """)]
    [InlineData(""" "address_count":"many","channels_ids":{"a":1},"trigger_account_created_notification":"yes" """)]
    public async Task Keys_it_ignores_are_ignored_whatever_their_JSON_type(string ignored)
    {
        var store = await StoreAsync();
        var before = await store.V3CustomerAsync(1, "storecredit");

        var response = await store.V3.PutJsonAsync(Url, $$"""[{"id":1,"notes":"kept",{{ignored}}}]""");

        var updated = (await response.ShouldBeWrittenAsync(1)).Single();
        updated.GetProperty("notes").GetString().ShouldBe("kept");
        updated.GetProperty("origin_channel_id").GetInt32().ShouldBe(before.GetProperty("origin_channel_id").GetInt32());
        updated.GetProperty("registration_ip_address").GetString().ShouldBe("");
        updated.GetProperty("channel_ids").GetRawText().ShouldBe("[1]");
        updated.GetProperty("date_created").GetString().ShouldBe(before.GetProperty("date_created").GetString());
    }

    [Fact]
    public async Task A_batch_is_answered_in_request_order_and_a_V2_customer_is_updated_like_any_other()
    {
        var store = await StoreAsync();
        var v2Id = (await store.CreateCustomerAsync("v2@example.com")).GetProperty("id").GetInt32();

        var updated = await store.UpdateV3Async(new { id = v2Id, notes = "three" }, new { id = 1, notes = "one" }, new { id = 2, notes = "two" });

        updated.Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("notes").GetString())).ShouldBe([(v2Id, "three"), (1, "one"), (2, "two")]);
        var v2 = await (await store.V2.GetAsync($"customers/{v2Id}")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("notes").GetString().ShouldBe("three");
        v2.GetProperty("email").GetString().ShouldBe("v2@example.com");
    }

    [Fact]
    public async Task No_store_credit_is_zero_and_channel_ids_null_gives_every_channel()
    {
        var store = await StoreAsync();

        var response = await store.V3.PutJsonAsync(Url, """[{"id":1,"store_credit_amounts":[],"channel_ids":null}]""");

        var customer = (await response.ShouldBeWrittenAsync(1)).Single();
        customer.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":0}]""");
        customer.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        (await store.V3CustomerAsync(1, "storecredit")).GetRawText().ShouldBe(customer.GetRawText());
    }

    [Fact]
    public async Task Two_customers_may_swap_emails_in_one_batch_and_a_customer_may_change_the_case_of_its_own()
    {
        var store = await StoreAsync();

        var swapped = await store.UpdateV3Async(new { id = 1, email = "john@example.com" }, new { id = 2, email = "jane@example.com" });

        swapped.Select(c => c.GetProperty("email").GetString()).ShouldBe(["john@example.com", "jane@example.com"]);
        (await store.UpdateV3Async(new { id = 1, email = "John@Example.COM" })).Single().GetProperty("email").GetString().ShouldBe("John@Example.COM");
        // A chain: 2 takes 1's email while 1 moves on to a new one.
        var chained = await store.UpdateV3Async(new { id = 2, email = "john@example.com" }, new { id = 1, email = "third@example.com" });
        chained.Select(c => c.GetProperty("email").GetString()).ShouldBe(["john@example.com", "third@example.com"]);
        (await store.V2.CustomersAsync()).Select(c => c.GetProperty("email").GetString()).ShouldBe(["third@example.com", "john@example.com"]);
    }

    [Fact]
    public async Task An_unknown_id_or_another_stores_customer_is_422_naming_the_item_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("a@example.com");
        await other.CreateCustomerAsync("b@example.com");
        await other.CreateCustomerAsync("c@example.com");
        var before = await store.CustomersStateAsync();
        var otherBefore = await other.CustomersStateAsync();

        var response = await store.PutCustomersAsync(new { id = 1, notes = "changed" }, new { id = 3, notes = "x" }, new { id = 99, notes = "y" });

        await response.ShouldBeRefusedAsync(UpdateFailed, ("1.id", "Customer 3 does not exist."), ("2.id", "Customer 99 does not exist."));
        (await store.CustomersStateAsync()).ShouldBe(before);
        (await other.CustomersStateAsync()).ShouldBe(otherBefore);
    }

    [Fact]
    public async Task The_same_id_twice_is_422_naming_the_later_item_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PutCustomersAsync(new { id = 1, notes = "first" }, new { id = 2, notes = "x" }, new { id = 1, notes = "again" });

        await response.ShouldBeRefusedAsync(UpdateFailed, ("2.id", "Customer 1 appears more than once in the request."));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("taken@example.com")]
    [InlineData(" TAKEN@example.com")]
    public async Task An_email_another_customer_holds_is_refused_in_BigCommerces_words_and_nothing_is_written(string email)
    {
        var store = await StoreAsync();
        await store.CreateCustomerAsync("taken@example.com");
        var before = await store.CustomersStateAsync();

        var response = await store.PutCustomersAsync(new { id = 2, notes = "x" }, new { id = 1, email, notes = "y" });

        await response.ShouldBeRefusedAsync(UpdateFailed, ("1.email", EmailInUse(creating: false, email)));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Two_customers_moved_to_one_email_are_both_named_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PutCustomersAsync(new { id = 1, email = "same@example.com" }, new { id = 2, email = "Same@example.com" });

        await response.ShouldBeRefusedAsync(UpdateFailed,
            ("0.email", EmailInUse(creating: false, "same@example.com")), ("1.email", EmailInUse(creating: false, "Same@example.com")));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_group_that_does_not_exist_is_422_naming_the_item_and_nothing_is_written()
    {
        var store = await StoreAsync();
        await store.CreateGroupsAsync(1);
        var before = await store.CustomersStateAsync();

        var response = await store.PutCustomersAsync(new { id = 1, customer_group_id = 1 }, new { id = 2, customer_group_id = 2 });

        await response.ShouldBeRefusedAsync(UpdateFailed, ("1.customer_group_id", "Customer group 2 does not exist…"));
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string[]> MalformedBodies => new()
    {
        { """[{"notes":"x"}]""", ["0.id"] },
        { """[{"id":null}]""", ["0.id"] },
        { """[{"id":0}]""", ["0.id"] },
        { """[{"id":"1"}]""", ["0.id"] },
        { """[{"id":1},{"id":2,"email":"not-an-email"}]""", ["1.email"] },
        { """[{"id":1,"first_name":""}]""", ["0.first_name"] },
        { """[{"id":1,"last_name":"  "}]""", ["0.last_name"] },
        { """[{"id":1,"channel_ids":[]}]""", ["0.channel_ids"] },
        { """[{"id":1,"customer_group_id":-2}]""", ["0.customer_group_id"] },
        { """[{"id":1,"store_credit_amounts":[{"amount":1},{"amount":2}]}]""", ["0.store_credit_amounts"] },
        { """[{"id":1,"store_credit_amounts":[{"amount":-1}]}]""", ["0.store_credit_amounts.0.amount"] },
        { """[{"id":1,"authentication":{"new_password":"abc"}}]""", ["0.authentication.new_password"] },
        { """[{"id":1,"form_fields":[{"name":"shirt_size","value":true}]}]""", ["0.form_fields.0.value"] },
        { """[{"id":1,"form_fields":[{"name":"shirt_size"}]}]""", ["0.form_fields.0.value"] },
        { """[{"id":1,"accepts_product_review_abandoned_cart_emails":1}]""", ["0.accepts_product_review_abandoned_cart_emails"] },
        { """{"id":1,"notes":"x"}""", ["body"] },
        { "[]", ["body"] },
        { "[null]", ["0"] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_or_item_is_422_naming_the_item_and_field_and_nothing_is_written(string body, string[] keys)
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        await (await store.V3.PutJsonAsync(Url, body)).ShouldBeInvalidBodyAsync(keys);

        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Eleven_customers_are_413_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var before = await store.CustomersStateAsync();

        var response = await store.PutCustomersAsync([.. Enumerable.Range(1, 11).Select(i => new { id = 1 + i % 2, notes = $"note {i}" })]);

        (await response.ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("title").GetString()!.ShouldContain("10");
        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_read_only_token_is_403_and_nothing_is_written()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.CreateV3Async(Customer("jane@example.com"));
        var before = await store.CustomersStateAsync();

        await (await readOnly.PutJsonAsync(Url, new[] { new { id = 1, notes = "x" } })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);

        (await store.CustomersStateAsync()).ShouldBe(before);
    }

    /// <summary>
    /// Customers 1 (jane@example.com, channel 1, an address, store credit 5, password <see cref="Passwords.Good"/>, value
    /// "42" of attribute 1 "Age") and 2 (john@example.com, every channel).
    /// </summary>
    private async Task<TestStore> StoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateAttributesAsync(("Age", "number"))).ShouldBe([1]);
        await store.CreateV3Async(
            Customer("jane@example.com", new
            {
                channel_ids = new List<int> { 1 }, addresses = new[] { Address() }, store_credit_amounts = new[] { new { amount = 5 } },
                authentication = new { new_password = Passwords.Good }, attributes = new[] { new { attribute_id = 1, attribute_value = "42" } },
            }),
            Customer("john@example.com"));
        return store;
    }
}

public sealed class UpdateTests_Sqlite(SqliteApi api) : UpdateTests(api), IClassFixture<SqliteApi>;

public sealed class UpdateTests_Postgres(PostgresApi api) : UpdateTests(api), IClassFixture<PostgresApi>;
