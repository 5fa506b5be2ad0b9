using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V2.CustomerGroups;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3.AttributeValues;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// One customer row, two APIs (V3 doc 4): what V3 writes, V2 reads under the same id with its own names and formats,
/// and the other way round; addresses, attribute values and passwords included.
/// </summary>
public abstract class V2V3MappingTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_created_through_V3_is_V2s_customer_of_the_same_id_field_for_field()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("v2-first@example.com");
        await store.CreateGroupsAsync(1);

        var created = (await store.CreateV3Async(Customer("jane@example.com", new
        {
            company = "Acme", phone = "555-0100", notes = "Note", tax_exempt_category = "G", customer_group_id = 1,
            authentication = new { new_password = Passwords.Good, force_password_reset = true },
            accepts_product_review_abandoned_cart_emails = true, store_credit_amounts = new[] { new { amount = 43.15m } },
        }))).Single();

        var id = created.GetProperty("id").GetInt32();
        id.ShouldBe(2);
        var v2 = await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("id").GetInt32().ShouldBe(id);
        foreach (var field in new[] { "email", "first_name", "last_name", "company", "phone", "notes", "tax_exempt_category", "registration_ip_address" })
        {
            v2.GetProperty(field).GetString().ShouldBe(created.GetProperty(field).GetString(), field);
        }

        v2.GetProperty("customer_group_id").GetInt32().ShouldBe(1);
        v2.GetProperty("store_credit").GetString().ShouldBe("43.1500");
        v2.GetProperty("accepts_marketing").GetBoolean().ShouldBeTrue();
        v2.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        v2.V2Instant("date_created").ShouldBe(created.Instant("date_created"));
        v2.V2Instant("date_modified").ShouldBe(created.Instant("date_modified"));
        (await store.PasswordMatchesAsync(Passwords.Good, id)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other, id)).ShouldBeFalse();
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task What_V2_changes_V3_reads_and_what_V3_changes_V2_reads()
    {
        var store = await api.NewStoreAsync();
        await store.CreateV3Async(Customer("jane@example.com"));

        var v2Update = new { store_credit = "7.25", reset_pass_on_login = true, notes = "from V2", _authentication = new { password = Passwords.Other } };
        (await store.V2.PutJsonAsync("customers/1", v2Update)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var v3 = await store.V3CustomerAsync(1, "storecredit");
        v3.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":7.25}]""");
        v3.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":true}""");
        v3.GetProperty("notes").GetString().ShouldBe("from V2");
        var checkedThroughV3 = await (await store.V3.PostJsonAsync("customers/validate-credentials", new { email = "jane@example.com", password = Passwords.Other }))
            .ShouldBeAsync(HttpStatusCode.OK);
        checkedThroughV3.GetRawText().ShouldBe("""{"is_valid":true,"customer_id":1}""");

        await store.UpdateV3Async(new
        {
            id = 1, store_credit_amounts = new[] { new { amount = 0.1m } }, authentication = new { force_password_reset = false, new_password = Passwords.Good },
            accepts_product_review_abandoned_cart_emails = true, email = "jane.new@example.com",
        });

        var v2 = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("store_credit").GetString().ShouldBe("0.1000");
        v2.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        v2.GetProperty("accepts_marketing").GetBoolean().ShouldBeTrue();
        v2.GetProperty("email").GetString().ShouldBe("jane.new@example.com");
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
        (await store.V2.IdsAsync("email=jane.new@example.com")).ShouldBe([1]);
    }

    [Fact]
    public async Task Addresses_created_with_a_V3_customer_are_its_V2_addresses()
    {
        var store = await api.NewStoreAsync();

        var created = (await store.CreateV3Async(Customer("jane@example.com", new
        {
            addresses = new[]
            {
                Address("Austin", "US", new
                {
                    address2 = "Apt 2", state_or_province = "Texas", postal_code = "78701", company = "Acme", phone = "555", address_type = "commercial",
                }),
                Address("Berlin", "DE"),
            },
        }))).Single();

        var v3 = created.GetProperty("addresses").EnumerateArray().ToArray();
        var list = await (await store.V2.GetAsync("customers/1/addresses")).ShouldBeAsync(HttpStatusCode.OK);
        list.Ids().ShouldBe(v3.Select(a => a.GetProperty("id").GetInt32()));
        var v2 = list.EnumerateArray().ToArray();
        foreach (var (v2Field, v3Field) in new[]
        {
            ("id", "id"), ("customer_id", "customer_id"), ("first_name", "first_name"), ("last_name", "last_name"), ("company", "company"),
            ("street_1", "address1"), ("street_2", "address2"), ("city", "city"), ("state", "state_or_province"), ("zip", "postal_code"),
            ("country", "country"), ("country_iso2", "country_code"), ("phone", "phone"), ("address_type", "address_type"),
        })
        {
            for (var i = 0; i < 2; i++)
            {
                v2[i].GetProperty(v2Field).GetRawText().ShouldBe(v3[i].GetProperty(v3Field).GetRawText(), $"{v2Field} of address {i}");
            }
        }

        v2[0].GetProperty("street_1").GetString().ShouldBe("12 Main St");
        v2[1].GetProperty("country").GetString().ShouldBe("Germany");
        var next = await store.CreateAddressAsync(1);
        next.GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Attribute_values_created_with_a_V3_customer_are_listed_and_upserted_like_any_other()
    {
        var store = await api.NewStoreAsync();
        var (tier, age) = await store.CreateAttributesAsync(("Tier", "string"), ("Age", "number")) is [var t, var a] ? (t, a) : default;

        await store.CreateV3Async(
            Customer("one@example.com", new { attributes = new[] { new { attribute_id = age, attribute_value = "42" }, new { attribute_id = tier, attribute_value = "gold" } } }),
            Customer("two@example.com", new { attributes = new[] { new { attribute_id = tier, attribute_value = "silver" } } }));

        var values = await store.ValuesAsync();
        values.Select(v => (v.GetProperty("id").GetInt32(), v.GetProperty("customer_id").GetInt32(), v.GetProperty("attribute_id").GetInt32(),
            v.GetProperty("attribute_value").GetString())).ShouldBe([(1, 1, age, "42"), (2, 1, tier, "gold"), (3, 2, tier, "silver")]);
        values[0].ShouldBeValue(1, 1, age, "42");

        var upserted = (await store.UpsertValuesAsync((1, tier, "platinum"))).Single();
        upserted.GetProperty("id").GetInt32().ShouldBe(2, "the value made with the customer is the one upserted");
        (await store.ValueTextsAsync()).ShouldBe(["42", "platinum", "silver"]);
    }

    [Fact]
    public async Task A_customer_deleted_through_V2_takes_what_V3_created_with_it_and_frees_its_email()
    {
        var store = await api.NewStoreAsync();
        var attribute = (await store.CreateAttributesAsync(("Tier", "string"))).Single();
        await store.CreateV3Async(
            Customer("gone@example.com", new { addresses = new[] { Address() }, attributes = new[] { new { attribute_id = attribute, attribute_value = "gold" } } }),
            Customer("stays@example.com", new { addresses = new[] { Address() }, attributes = new[] { new { attribute_id = attribute, attribute_value = "silver" } } }));

        (await store.V2.DeleteAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.ValueTextsAsync()).ShouldBe(["silver"]);
        (await store.V2.GetAsync("customers/1/addresses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.AddressCountAsync(2)).ShouldBe(1);
        (await store.CreateV3Async(Customer("gone@example.com"))).Single().GetProperty("id").GetInt32().ShouldBe(3);
        (await (await store.V3.GetAsync("customers?id:in=1")).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_V2_customers_fields_keep_their_values_through_a_V3_update_of_others()
    {
        var store = await api.NewStoreAsync();
        var v2 = await store.CreateCustomerAsync("jane@example.com", new
        {
            company = "Acme", phone = "555", notes = "n", store_credit = "5.5", reset_pass_on_login = true, registration_ip_address = "10.1.2.3",
            tax_exempt_category = "T", _authentication = new { password = Passwords.Good },
        });

        var updated = (await store.UpdateV3Async(new { id = 1, first_name = "Janet" })).Single();

        updated.GetProperty("registration_ip_address").GetString().ShouldBe("10.1.2.3");
        updated.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":5.5}]""");
        updated.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":true}""");
        updated.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        updated.GetProperty("origin_channel_id").GetInt32().ShouldBe(1);
        var after = await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        foreach (var field in new[] { "company", "phone", "notes", "store_credit", "reset_pass_on_login", "registration_ip_address", "tax_exempt_category", "email" })
        {
            after.GetProperty(field).GetRawText().ShouldBe(v2.GetProperty(field).GetRawText(), field);
        }

        after.GetProperty("first_name").GetString().ShouldBe("Janet");
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
    }
}

public sealed class V2V3MappingTests_Sqlite(SqliteApi api) : V2V3MappingTests(api), IClassFixture<SqliteApi>;

public sealed class V2V3MappingTests_Postgres(PostgresApi api) : V2V3MappingTests(api), IClassFixture<PostgresApi>;
