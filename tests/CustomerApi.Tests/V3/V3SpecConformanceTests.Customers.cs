using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.AttributeValues;
using CustomerApi.Tests.V3.Customers;

namespace CustomerApi.Tests.V3;

/// <summary><c>GET /v3/customers</c> held against the spec: items of customer_Full, meta of _metaCollectionWithCursorPagination.</summary>
public abstract partial class V3SpecConformanceTests
{
    private const string EveryInclude = "include=addresses,storecredit,attributes,formfields,shopper_profile_id,segment_ids";

    private static readonly int[] FirstChannel = [1];

    private static readonly string[] CustomerCollection = ["components", "responses", "GetCustomerCollectionResponse", .. JsonSchema, "properties"];

    [Fact]
    public async Task Listed_customers_with_every_include_have_only_the_fields_of_customer_Full()
    {
        Spec.PropertiesAt([.. CustomerCollection, "data", "items"]).Keys.Order().ShouldBe(Spec.Properties("customer_Full").Keys.Order());
        // shopper_profile_id and segment_ids are only in the spec's example (V3 doc 1.1); channel_ids is null for a
        // customer of every channel, as BigCommerce answers it (V3 doc 1.1), though the schema says only "array".
        var expected = new Dictionary<string, (string Type, bool Nullable)>(Spec.Properties("customer_Full"))
        {
            ["shopper_profile_id"] = ("string", false),
            ["segment_ids"] = ("array", false),
        };
        expected["channel_ids"] = (expected["channel_ids"].Type, true);
        expected["store_credit_amounts"].Type.ShouldBe("array");
        var authentication = Spec.PropertiesAt("components", "schemas", "customer_Full", "properties", "authentication");
        var address = Spec.Properties("address_Full");
        var attribute = Spec.Properties("attribute_Full");
        var credit = Spec.PropertiesAt("components", "schemas", "CustomerStoredCreditAmounts", "items");
        var store = await api.NewStoreAsync();
        await store.CreateAttributesAsync(("Age", "number"));
        await store.PostCustomersV3Async(
            CustomerListV3.NewCustomer("ann@example.com", "Ann", "Lee", new
            {
                company = "Acme", phone = "555-0100", notes = "VIP", channel_ids = FirstChannel,
                store_credit_amounts = new[] { new { amount = 43.15m } },
                addresses = new[]
                {
                    CustomerListV3.NewAddress("1 Main St", new { address2 = "Apt 2", company = "Acme", state_or_province = "Texas", postal_code = "78701" }),
                    CustomerListV3.NewAddress("2 Oak Ave"),
                },
                attributes = new[] { new { attribute_id = 1, attribute_value = "42" } },
            }),
            CustomerListV3.NewCustomer("bob@example.com", "Bob", "Ray"));
        await store.CreateCustomerAsync("v2@example.com", new { registration_ip_address = "10.0.0.1", store_credit = 5 });

        foreach (var query in new[] { EveryInclude, EveryInclude + "&limit=1&page=2", "", "include=storecredit" })
        {
            var body = await (await store.V3.GetAsync($"customers?{query}")).ShouldBeAsync(HttpStatusCode.OK);

            body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"], query);
            body.Data().Length.ShouldBeGreaterThan(0, query);
            foreach (var customer in body.Data())
            {
                ShouldMatch(customer, expected, optional: query == EveryInclude || query.StartsWith(EveryInclude, StringComparison.Ordinal)
                    ? ["address_count", "attribute_count"]
                    : [.. expected.Keys.Where(k => !CustomerListV3.BaseShape.Contains(k))]);
                ShouldMatch(customer.GetProperty("authentication"), authentication);
                foreach (var item in Items(customer, "addresses"))
                {
                    ShouldMatch(item, address);
                    item.GetProperty("address_type").GetString().ShouldBeOneOf("residential", "commercial");
                }

                foreach (var item in Items(customer, "attributes"))
                {
                    ShouldMatch(item, attribute);
                }

                foreach (var item in Items(customer, "store_credit_amounts"))
                {
                    ShouldMatch(item, credit);
                }
            }
        }

        var ann = (await (await store.V3.GetAsync($"customers?{EveryInclude}&id:in=1")).ShouldBeAsync(HttpStatusCode.OK)).Data().Single();
        ann.GetProperty("addresses").GetArrayLength().ShouldBe(2);
        ann.GetProperty("attributes").GetArrayLength().ShouldBe(1);
        ann.GetProperty("channel_ids").GetRawText().ShouldBe("[1]");
    }

    /// <summary>The items of the array <paramref name="key"/>, or none when the key is absent.</summary>
    private static JsonElement[] Items(JsonElement item, string key) =>
        item.TryGetProperty(key, out var array) ? [.. array.EnumerateArray()] : [];

    [Fact]
    public async Task The_customer_list_meta_is_metaCollectionWithCursorPagination_in_each_of_its_three_forms()
    {
        Spec.PropertiesAt([.. CustomerCollection, "meta"]).Keys.Order().ShouldBe(["cursor_pagination", "pagination"]);
        var meta = Spec.Properties("_metaCollectionWithCursorPagination");
        meta.Keys.Order().ShouldBe(["cursor_pagination", "pagination"]);
        var pagination = Spec.Properties("Pagination");
        var pageLinks = Spec.PropertiesAt("components", "schemas", "Pagination", "properties", "links");
        var cursorPagination = Spec.Properties("CursorPagination");
        var cursorLinks = Spec.PropertiesAt("components", "schemas", "CursorPagination", "properties", "links");
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(5);
        var first = await (await store.V3.GetAsync("customers?limit=2")).ShouldBeAsync(HttpStatusCode.OK);
        var end = first.GetProperty("meta").GetProperty("cursor_pagination").GetProperty("end_cursor").GetString()!;

        var cases = new (string Query, string[] MetaKeys)[]
        {
            ("limit=2", ["pagination", "cursor_pagination"]),
            ("limit=2&page=1", ["pagination", "cursor_pagination"]),
            ("name:like=nobody", ["pagination", "cursor_pagination"]),
            ("limit=2&page=2", ["pagination"]),
            ("limit=2&page=9", ["pagination"]),
            ($"limit=2&after={Uri.EscapeDataString(end)}", ["cursor_pagination"]),
            ($"limit=2&page=2&before={Uri.EscapeDataString(end)}", ["cursor_pagination"]),
            ($"after={Uri.EscapeDataString(end)}&name:like=nobody", ["cursor_pagination"]),
        };
        foreach (var (query, metaKeys) in cases)
        {
            var body = await (await store.V3.GetAsync($"customers?{query}")).ShouldBeAsync(HttpStatusCode.OK);

            body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"], query);
            var found = body.GetProperty("meta");
            found.EnumerateObject().Select(p => p.Name).ShouldBe(metaKeys, query);
            ShouldMatch(found, meta, optional: [.. meta.Keys.Except(metaKeys)]);
            var empty = body.Data().Length == 0;
            if (found.TryGetProperty("pagination", out var page))
            {
                ShouldMatch(page, pagination);
                ShouldMatch(page.GetProperty("links"), pageLinks, optional: ["previous", "next"]);
                page.GetProperty("count").GetInt32().ShouldBe(body.Data().Length, query);
            }

            if (found.TryGetProperty("cursor_pagination", out var cursor))
            {
                ShouldMatch(cursor, cursorPagination, optional: empty ? ["start_cursor", "end_cursor"] : []);
                ShouldMatch(cursor.GetProperty("links"), cursorLinks, optional: ["previous", "current", "next"]);
                cursor.GetProperty("count").GetInt32().ShouldBe(body.Data().Length, query);
                cursor.TryGetProperty("start_cursor", out _).ShouldBe(!empty, query);
            }
        }
    }
}
