using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>What the list, count and delete-many tests share: a known set of customers and the list contract.</summary>
public static class CustomerListing
{
    /// <summary>The V2 customer's fields, in the order BigCommerce writes them (behaviour doc 3.1).</summary>
    public static readonly string[] FullShape =
    [
        "id", "company", "first_name", "last_name", "email", "phone", "form_fields", "date_created", "date_modified",
        "store_credit", "registration_ip_address", "customer_group_id", "notes", "tax_exempt_category",
        "reset_pass_on_login", "accepts_marketing", "addresses",
    ];

    /// <summary>
    /// Creates, in this order (ids 1 to 4):
    /// 1 Jane Doe jane@example.com, Acme, 555-0100, credit 10, group 0, tax G;
    /// 2 John Smith john@example.com, Globex, 555-0200, credit 10.5, group 2, no tax category;
    /// 3 Jane Smith jane.smith@example.com, Acme, no phone, credit 0, group 2, tax G;
    /// 4 Janet Doe JANET@Example.com, Acme Corp, 555-0100, credit "10.5", group 0, tax H.
    /// Groups 1 and 2 exist (a customer's group must).
    /// </summary>
    public static async Task SeedAsync(TestStore store)
    {
        await store.CreateGroupsAsync(2);
        await store.CreateCustomerAsync("jane@example.com", new
        {
            first_name = "Jane", last_name = "Doe", company = "Acme", phone = "555-0100", store_credit = 10, customer_group_id = 0, tax_exempt_category = "G",
        });
        await store.CreateCustomerAsync("john@example.com", new
        {
            first_name = "John", last_name = "Smith", company = "Globex", phone = "555-0200", store_credit = 10.5, customer_group_id = 2,
        });
        await store.CreateCustomerAsync("jane.smith@example.com", new
        {
            first_name = "Jane", last_name = "Smith", company = "Acme", customer_group_id = 2, tax_exempt_category = "G",
        });
        await store.CreateCustomerAsync("JANET@Example.com", new
        {
            first_name = "Janet", last_name = "Doe", company = "Acme Corp", phone = "555-0100", store_credit = "10.5", customer_group_id = 0, tax_exempt_category = "H",
        });
    }

    /// <summary>Filters over <see cref="SeedAsync"/> and the ids each must select; an empty list means no match.</summary>
    public static TheoryData<string, int[]> FilterCases => new()
    {
        { "first_name=Jane", [1, 3] },
        { "first_name=Jan", [] },
        { "last_name=Smith", [2, 3] },
        { "last_name=Smit", [] },
        { "company=Acme", [1, 3] },
        { "company=Acme%20Corp", [4] },
        { "company=Initech", [] },
        { "email=jane%40example.com", [1] },
        { "email=JANE%40EXAMPLE.COM", [1] },
        { "email=%20Jane%40Example.com%20%20", [1] },
        { "email=janet%40example.com", [4] },
        { "email=jane", [] },
        { "email=nobody%40example.com", [] },
        { "phone=555-0100", [1, 4] },
        { "phone=555-0300", [] },
        { "store_credit=10", [1] },
        { "store_credit=10.0000", [1] },
        { "store_credit=10.5", [2, 4] },
        { "store_credit=10.5000", [2, 4] },
        { "store_credit=0", [3] },
        { "store_credit=11", [] },
        { "customer_group_id=2", [2, 3] },
        { "customer_group_id=0", [1, 4] },
        { "customer_group_id=7", [] },
        { "min_id=3", [3, 4] },
        { "max_id=2", [1, 2] },
        { "min_id=2&max_id=3", [2, 3] },
        { "min_id=3&max_id=3", [3] },
        { "min_id=0&max_id=99", [1, 2, 3, 4] },
        { "min_id=5", [] },
        { "max_id=0", [] },
        { "min_id=3&max_id=2", [] },
        { "tax_exempt_category=G", [1, 3] },
        { "tax_exempt_category=H", [4] },
        { "tax_exempt_category=X", [] },
        { "first_name=Jane&last_name=Smith", [3] },
        { "company=Acme&tax_exempt_category=G&customer_group_id=0", [1] },
        { "store_credit=10.5&last_name=Doe", [4] },
        { "min_id=2&first_name=Jane", [3] },
        { "phone=555-0100&email=JANET%40EXAMPLE.COM&max_id=4", [4] },
        { "first_name=John&company=Acme", [] },
    };

    /// <summary>Unknown filters: 400 with BigCommerce's "not supported" text naming the parameter.</summary>
    public static TheoryData<string, string> UnknownParameters => new()
    {
        { "foo=1", "foo" },
        { "id=1", "id" },
        { "sort=id", "sort" },
        { "email:in=jane%40example.com", "email:in" },
        { "first_name=Jane&include=addresses", "include" },
    };

    /// <summary>Known filters with values of the wrong kind: 400 naming the filter.</summary>
    public static TheoryData<string, string> InvalidValues => new()
    {
        { "min_id=abc", "min_id" },
        { "max_id=1.5", "max_id" },
        { "min_id=99999999999", "min_id" },
        { "customer_group_id=1.5", "customer_group_id" },
        { "customer_group_id=abc", "customer_group_id" },
        { "store_credit=abc", "store_credit" },
        { "store_credit=1%2C5", "store_credit" },
        { "min_date_created=yesterday", "min_date_created" },
        { "max_date_created=2024-13-45", "max_date_created" },
        { "min_date_modified=Tue%2C%2045%20Nov%202012", "min_date_modified" },
        { "max_date_modified=tomorrow", "max_date_modified" },
        { "email=a%00b%40example.com", "email" },
        { "first_name=%00", "first_name" },
    };

    /// <summary>
    /// <c>GET customers?{query}</c> as ids. The contract of the list: 200 with a non-empty bare array, or 204 with no
    /// body at all (never <c>[]</c>) when nothing matches; an empty result here means the answer was that 204.
    /// </summary>
    public static async Task<int[]> IdsAsync(this HttpClient v2, string query = "") =>
        [.. (await v2.CustomersAsync(query)).Select(c => c.GetProperty("id").GetInt32())];

    /// <summary><c>GET customers?{query}</c> as the customers listed, held to the same contract as <see cref="IdsAsync"/>.</summary>
    public static async Task<JsonElement[]> CustomersAsync(this HttpClient v2, string query = "")
    {
        var response = await v2.GetAsync("customers" + (query.Length > 0 ? "?" + query : ""));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            await response.ShouldBeEmptyNoContentAsync();
            return [];
        }

        var list = await response.ShouldBeAsync(HttpStatusCode.OK);
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        list.GetArrayLength().ShouldBeGreaterThan(0, "an empty page is 204, not []");
        return [.. list.EnumerateArray()];
    }

    /// <summary>204 with nothing in the body and no content type.</summary>
    public static async Task ShouldBeEmptyNoContentAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"body: {body}");
        body.ShouldBeEmpty();
        response.Content.Headers.ContentType.ShouldBeNull();
    }

    /// <summary>A V2 400 whose single error has exactly <paramref name="message"/>.</summary>
    public static async Task ShouldBeV2BadRequestAsync(this HttpResponseMessage response, string message)
    {
        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ShouldContain(message);
    }

    /// <summary>A V2 400 with an error that names <paramref name="field"/> in quotes, e.g. <c>'min_id'</c>.</summary>
    public static async Task ShouldBeV2BadRequestNamingAsync(this HttpResponseMessage response, string field)
    {
        var errors = await response.ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!)
            .ShouldContain(m => m.Contains($"'{field}'", StringComparison.Ordinal), $"no error names '{field}': {errors}");
    }

    public static string NotSupported(string field) => $"The field '{field}' is not supported by this resource.";
}
