using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Attributes;
using CustomerApi.Tests.V3.AttributeValues;
using static CustomerApi.Tests.V3.Customers.CustomerListV3;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>GET /v3/customers?include=...</c>: each sub-resource only when asked for, with the right values.</summary>
public abstract class ListIncludeTests(ApiFixture api)
{
    private const string AddressA =
        """{"id":1,"address1":"1 Main St","address2":"Apt 2","address_type":"commercial","city":"Austin","company":"Acme","country":"United States","country_code":"US","customer_id":1,"first_name":"Ann","last_name":"Lee","phone":"555-0100","postal_code":"78701","state_or_province":"Texas"}""";

    private const string AddressB =
        """{"id":2,"address1":"2 Oak Ave","address2":"","address_type":"residential","city":"Austin","company":"","country":"Canada","country_code":"CA","customer_id":1,"first_name":"Ann","last_name":"Lee","phone":"","postal_code":"","state_or_province":""}""";

    /// <summary>
    /// Attributes 1 "Shoe size" (number) and 2 "Nickname" (string); in one V3 call, customer 1 Ann Lee with store credit
    /// 12.5, addresses 1 and 2 (<see cref="AddressA"/>, <see cref="AddressB"/>) and values 1 (Shoe size 42) and 2
    /// (Nickname Annie), and customer 2 Bob Ray with nothing.
    /// </summary>
    private async Task<TestStore> SeededAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateAttributesAsync(("Shoe size", "number"), ("Nickname", "string"))).ShouldBe([1, 2]);
        var created = await store.PostCustomersV3Async(
            NewCustomer("ann@example.com", "Ann", "Lee", new
            {
                store_credit_amounts = new[] { new { amount = 12.5m } },
                addresses = new[]
                {
                    NewAddress("1 Main St", new
                    {
                        address2 = "Apt 2", company = "Acme", state_or_province = "Texas", postal_code = "78701", phone = "555-0100", address_type = "commercial",
                    }),
                    NewAddress("2 Oak Ave", new { country_code = "CA" }),
                },
                attributes = new[] { new { attribute_id = 1, attribute_value = "42" }, new { attribute_id = 2, attribute_value = "Annie" } },
            }),
            NewCustomer("bob@example.com", "Bob", "Ray"));
        created.Select(c => c.GetProperty("id").GetInt32()).ShouldBe([1, 2]);
        return store;
    }

    [Theory]
    [InlineData("")]
    [InlineData("include=")]
    [InlineData("limit=1&page=2")]
    public async Task Without_include_a_customer_has_only_the_base_fields(string query)
    {
        var store = await SeededAsync();

        var listed = (await store.ListV3Async(query)).Data();

        listed.Length.ShouldBeGreaterThan(0);
        foreach (var customer in listed)
        {
            customer.Keys().ShouldBe(BaseShape, customer.ToString());
        }

        if (query.Length == 0)
        {
            var ann = listed[0];
            ann.GetProperty("email").GetString().ShouldBe("ann@example.com");
            ann.GetProperty("first_name").GetString().ShouldBe("Ann");
            ann.GetProperty("last_name").GetString().ShouldBe("Lee");
            ann.GetProperty("authentication").GetRawText().ShouldBe("""{"force_password_reset":false}""");
            ann.GetProperty("registration_ip_address").GetString().ShouldBe("");
            ann.GetProperty("origin_channel_id").GetInt32().ShouldBe(1);
            ann.GetProperty("channel_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    [Theory]
    [InlineData("addresses", new[] { "addresses" })]
    [InlineData("storecredit", new[] { "store_credit_amounts" })]
    [InlineData("attributes", new[] { "attributes" })]
    [InlineData("formfields", new[] { "form_fields" })]
    [InlineData("shopper_profile_id", new[] { "shopper_profile_id" })]
    [InlineData("segment_ids", new[] { "segment_ids" })]
    [InlineData("addresses,formfields", new[] { "addresses", "form_fields" })]
    [InlineData("storecredit,attributes", new[] { "store_credit_amounts", "attributes" })]
    [InlineData("addresses,%20storecredit,addresses", new[] { "addresses", "store_credit_amounts" })]
    [InlineData("segment_ids,shopper_profile_id,formfields,attributes,storecredit,addresses",
        new[] { "addresses", "store_credit_amounts", "attributes", "form_fields", "shopper_profile_id", "segment_ids" })]
    public async Task Each_include_adds_exactly_its_keys_with_the_customers_values(string include, string[] keys)
    {
        var store = await SeededAsync();

        var listed = (await store.ListV3Async($"include={include}")).Data();

        listed.Length.ShouldBe(2);
        var (ann, bob) = (listed[0], listed[1]);
        foreach (var customer in listed)
        {
            customer.Keys().Where(BaseShape.Contains).ShouldBe(BaseShape, customer.ToString());
            customer.Keys().Except(BaseShape).Order(StringComparer.Ordinal).ShouldBe(keys.Order(StringComparer.Ordinal), customer.ToString());
        }

        var formFields = keys.Contains("form_fields");
        if (keys.Contains("addresses"))
        {
            var withFormFields = formFields ? ""","form_fields":[]}""" : "}";
            ann.GetProperty("addresses").EnumerateArray().Select(a => a.GetRawText())
                .ShouldBe([AddressA[..^1] + withFormFields, AddressB[..^1] + withFormFields]);
            bob.GetProperty("addresses").GetRawText().ShouldBe("[]");
        }

        if (keys.Contains("store_credit_amounts"))
        {
            ann.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":12.5}]""");
            bob.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":0}]""");
        }

        if (keys.Contains("attributes"))
        {
            var values = ann.GetProperty("attributes").EnumerateArray().ToArray();
            values.Select(v => v.Keys()).ShouldAllBe(k => k.SequenceEqual(AttributeShape));
            values.Select(v => (v.GetProperty("id").GetInt32(), v.GetProperty("attribute_id").GetInt32(), v.GetProperty("attribute_value").GetString(),
                v.GetProperty("customer_id").GetInt32())).ShouldBe([(1, 1, "42", 1), (2, 2, "Annie", 1)]);
            values.ShouldAllBe(v => v.Instant("date_created") == ann.Instant("date_created") && v.Instant("date_modified") == ann.Instant("date_created"));
            bob.GetProperty("attributes").GetRawText().ShouldBe("[]");
        }

        if (formFields)
        {
            ann.GetProperty("form_fields").GetRawText().ShouldBe("[]");
            bob.GetProperty("form_fields").GetRawText().ShouldBe("[]");
        }

        if (keys.Contains("shopper_profile_id"))
        {
            var profiles = listed.Select(c => c.GetProperty("shopper_profile_id").GetString()!).ToArray();
            profiles.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            profiles.Distinct().Count().ShouldBe(2);
        }

        if (keys.Contains("segment_ids"))
        {
            ann.GetProperty("segment_ids").GetRawText().ShouldBe("[]");
            bob.GetProperty("segment_ids").GetRawText().ShouldBe("[]");
        }
    }

    [Fact]
    public async Task Includes_come_with_later_pages_and_cursor_pages_too()
    {
        var store = await SeededAsync();

        var second = (await store.ListV3Async("include=addresses,storecredit&limit=1&page=2")).Data().ShouldHaveSingleItem();
        var first = await store.ListV3Async("include=addresses,storecredit&limit=1");
        var afterFirst = (await store.ListV3Async(first.CursorLink("next", "include=addresses,storecredit")!)).Data().ShouldHaveSingleItem();
        var beforeSecond = (await store.ListV3Async($"include=storecredit,addresses&limit=1&before={Uri.EscapeDataString(
            first.CursorPagination().GetProperty("end_cursor").GetString()!)}")).Data();

        foreach (var bob in new[] { second, afterFirst })
        {
            bob.GetProperty("id").GetInt32().ShouldBe(2);
            bob.GetProperty("addresses").GetRawText().ShouldBe("[]");
            bob.GetProperty("store_credit_amounts").GetRawText().ShouldBe("""[{"amount":0}]""");
        }

        beforeSecond.ShouldBeEmpty("nothing comes before customer 1");
        first.Data().Single().GetProperty("addresses").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_shopper_profile_id_is_the_same_at_every_read_and_differs_per_customer_and_store()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomersAsync(2);
        await other.CreateCustomersAsync(1);

        string[] Profiles(JsonElement body) => [.. body.Data().Select(c => c.GetProperty("shopper_profile_id").GetString()!)];
        var first = Profiles(await store.ListV3Async("include=shopper_profile_id"));
        var again = Profiles(await store.ListV3Async("include=shopper_profile_id,addresses&id:in=2,1"));
        var others = Profiles(await other.ListV3Async("include=shopper_profile_id"));

        again.ShouldBe(first);
        first[0].ShouldNotBe(first[1]);
        others.ShouldHaveSingleItem().ShouldNotBe(first[0]);
        Guid.TryParse(first[0], out _).ShouldBeTrue(first[0]);
    }

    /// <summary>[spec] customer_Full: "addresses … Limited to 10", "attributes … Limited to 10": the first ten by id, per customer.</summary>
    [Fact]
    public async Task Addresses_and_attribute_values_stop_at_ten_per_customer_in_id_order()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateCustomersAsync(3)).ShouldBe([1, 2, 3]);
        var annIds = new List<int>();
        var bobIds = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            annIds.Add((await store.CreateAddressAsync(1, new { street_1 = $"{i} Main St" })).GetProperty("id").GetInt32());
            if (i < 3)
            {
                bobIds.Add((await store.CreateAddressAsync(2)).GetProperty("id").GetInt32());
            }
        }

        var attributes = await store.CreateManyAsync(12);
        var annValues = new List<int>();
        var bobValues = new List<int>();
        foreach (var half in attributes.Chunk(6))
        {
            var upserted = await store.UpsertValuesAsync([.. half.Select(a => (1, a, $"v{a}")), (2, half[0], "b")]);
            annValues.AddRange(upserted.Where(v => v.GetProperty("customer_id").GetInt32() == 1).Select(v => v.GetProperty("id").GetInt32()));
            bobValues.AddRange(upserted.Where(v => v.GetProperty("customer_id").GetInt32() == 2).Select(v => v.GetProperty("id").GetInt32()));
        }

        var listed = (await store.ListV3Async("include=addresses,attributes")).Data();

        (await store.AddressCountAsync(1)).ShouldBe(12);
        (await store.ValuesAsync("customer_id:in=1")).Length.ShouldBe(12);
        static int[] IdsOf(JsonElement customer, string key) => [.. customer.GetProperty(key).EnumerateArray().Select(a => a.GetProperty("id").GetInt32())];
        IdsOf(listed[0], "addresses").ShouldBe(annIds.Order().Take(10));
        IdsOf(listed[0], "attributes").ShouldBe(annValues.Order().Take(10));
        listed[0].GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("address1").GetString())
            .ShouldBe(Enumerable.Range(0, 10).Select(i => $"{i} Main St"));
        IdsOf(listed[1], "addresses").ShouldBe(bobIds);
        IdsOf(listed[1], "attributes").ShouldBe(bobValues);
        IdsOf(listed[2], "addresses").ShouldBeEmpty();
        IdsOf(listed[2], "attributes").ShouldBeEmpty();
    }
}

public sealed class ListIncludeTests_Sqlite(SqliteApi api) : ListIncludeTests(api), IClassFixture<SqliteApi>;

public sealed class ListIncludeTests_Postgres(PostgresApi api) : ListIncludeTests(api), IClassFixture<PostgresApi>;
