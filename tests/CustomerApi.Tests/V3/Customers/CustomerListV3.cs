using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>What the <c>GET /v3/customers</c> tests share: set-up through V3, the list call and cursor walks.</summary>
internal static class CustomerListV3
{
    public const string Url = "customers";

    /// <summary>A customer's keys without <c>include</c>, in the order the service writes them (V3 doc 1.1).</summary>
    public static readonly string[] BaseShape =
    [
        "id", "authentication", "company", "customer_group_id", "email", "first_name", "last_name", "notes", "phone",
        "registration_ip_address", "tax_exempt_category", "date_created", "date_modified", "accepts_product_review_abandoned_cart_emails",
        "origin_channel_id", "channel_ids",
    ];

    /// <summary>The keys only <c>include</c> adds.</summary>
    public static readonly string[] IncludedKeys = ["store_credit_amounts", "addresses", "attributes", "form_fields", "shopper_profile_id", "segment_ids"];

    /// <summary>An embedded address's keys: id, then alphabetical.</summary>
    public static readonly string[] AddressShape =
    [
        "id", "address1", "address2", "address_type", "city", "company", "country", "country_code", "customer_id", "first_name", "last_name",
        "phone", "postal_code", "state_or_province",
    ];

    /// <summary>An embedded attribute value's keys.</summary>
    public static readonly string[] AttributeShape = ["attribute_id", "attribute_value", "customer_id", "date_created", "date_modified", "id"];

    /// <summary><c>GET customers?{query}</c>: asserts 200 and returns the whole body.</summary>
    public static async Task<JsonElement> ListV3Async(this TestStore store, string query = "") =>
        await (await store.V3.GetAsync(Url + (query.Length > 0 ? "?" + query : ""))).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>The ids of <c>GET customers?{query}</c>, in the order listed.</summary>
    public static async Task<int[]> ListedIdsAsync(this TestStore store, string query = "") => (await store.ListV3Async(query)).ListedIds();

    public static int[] ListedIds(this JsonElement body) => [.. body.Data().Select(c => c.GetProperty("id").GetInt32())];

    public static JsonElement Pagination(this JsonElement body) => body.GetProperty("meta").GetProperty("pagination");

    public static JsonElement CursorPagination(this JsonElement body) => body.GetProperty("meta").GetProperty("cursor_pagination");

    public static string[] MetaKeys(this JsonElement body) => [.. body.GetProperty("meta").EnumerateObject().Select(p => p.Name)];

    public static string[] Keys(this JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];

    /// <summary>A <c>customer_Post</c> item: the required fields plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, object?> NewCustomer(string email, string firstName = "Jane", string lastName = "Doe", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["email"] = email, ["first_name"] = firstName, ["last_name"] = lastName };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return body;
    }

    /// <summary>A <c>customerAddresses_CustomerPost</c> item with the required fields plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, object?> NewAddress(string address1, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["first_name"] = "Ann", ["last_name"] = "Lee", ["address1"] = address1, ["city"] = "Austin", ["country_code"] = "US",
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return body;
    }

    /// <summary><c>POST /v3/customers</c> of <paramref name="customers"/> (one call, so one creation time); asserts 200 and returns the data.</summary>
    public static async Task<JsonElement[]> PostCustomersV3Async(this TestStore store, params object[] customers) =>
        (await (await store.V3.PostJsonAsync(Url, customers)).ShouldBeAsync(HttpStatusCode.OK)).Data();

    /// <summary>Creates customers with these last names, ten to a call; returns their ids in order.</summary>
    public static async Task<int[]> CreateV3CustomersAsync(this TestStore store, params string[] lastNames)
    {
        var ids = new List<int>();
        foreach (var chunk in lastNames.Select((name, i) => (name, i)).Chunk(10))
        {
            var created = await store.PostCustomersV3Async([.. chunk.Select(c => NewCustomer($"c{c.i + 1}-{Guid.NewGuid():N}@example.com", "Pat", c.name))]);
            ids.AddRange(created.Select(c => c.GetProperty("id").GetInt32()));
        }

        return [.. ids];
    }

    /// <summary>
    /// The query for the page after (or before) <paramref name="page"/>: its cursor link as it stands, which carries the
    /// request's <paramref name="query"/> (filters, sort, include) after the limit and cursor.
    /// </summary>
    public static string? CursorLink(this JsonElement page, string direction, string query)
    {
        var meta = page.CursorPagination();
        if (!meta.GetProperty("links").TryGetProperty(direction, out var link))
        {
            return null;
        }

        var (cursorName, cursorKey) = direction == "next" ? ("after", "end_cursor") : ("before", "start_cursor");
        var perPage = meta.GetProperty("per_page").GetInt32();
        var rest = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("limit=", StringComparison.Ordinal) && !p.StartsWith("page=", StringComparison.Ordinal)));
        link.GetString().ShouldBe($"?limit={perPage}&{cursorName}={Uri.EscapeDataString(meta.GetProperty(cursorKey).GetString()!)}"
            + (rest.Length > 0 ? "&" + rest : ""));
        return link.GetString()![1..];
    }

    /// <summary>
    /// Walks the list by cursor from <c>GET customers?{first}</c> to the end, following each page's <c>next</c> link
    /// (plus <paramref name="sortAndFilters"/>); returns the pages. <paramref name="between"/> runs after each page is read.
    /// </summary>
    public static async Task<List<JsonElement>> WalkForwardAsync(this TestStore store, string first, string sortAndFilters, Func<int[], Task>? between = null)
    {
        var pages = new List<JsonElement>();
        var page = await store.ListV3Async(first);
        while (true)
        {
            pages.Add(page);
            pages.Count.ShouldBeLessThan(1000, "the walk does not end");
            if (between is not null)
            {
                await between(page.ListedIds());
            }

            var next = page.CursorLink("next", sortAndFilters);
            if (next is null)
            {
                return pages;
            }

            page = await store.ListV3Async(next);
            page.MetaKeys().ShouldBe(["cursor_pagination"]);
        }
    }

    /// <summary>From <paramref name="last"/>, follows <c>previous</c> links to the start; returns the pages, <paramref name="last"/> first.</summary>
    public static async Task<List<JsonElement>> WalkBackAsync(this TestStore store, JsonElement last, string sortAndFilters, Func<int[], Task>? between = null)
    {
        var pages = new List<JsonElement>();
        var page = last;
        while (true)
        {
            pages.Add(page);
            pages.Count.ShouldBeLessThan(1000, "the walk does not end");
            if (between is not null)
            {
                await between(page.ListedIds());
            }

            var previous = page.CursorLink("previous", sortAndFilters);
            if (previous is null)
            {
                return pages;
            }

            page = await store.ListV3Async(previous);
            page.MetaKeys().ShouldBe(["cursor_pagination"]);
        }
    }

    /// <summary><c>DELETE /v3/customers?id:in=...</c>; asserts 204.</summary>
    public static async Task DeleteV3CustomersAsync(this TestStore store, params int[] ids) =>
        (await store.V3.DeleteAsync($"{Url}?id:in={string.Join(',', ids)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
}
