using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>What the V3 customer write tests share: bodies, the two calls, the answer's shape, and the store's state.</summary>
internal static class CustomerWriteCalls
{
    public const string Url = "customers";
    public const string CreateFailed = "Create customers failed.";
    public const string UpdateFailed = "Update customers failed.";

    /// <summary>The fields of a customer as POST and PUT answer it, in BigCommerce's recorded order (V3 doc 1.1).</summary>
    public static readonly string[] Shape =
    [
        "id", "authentication", "company", "customer_group_id", "email", "first_name", "last_name", "notes", "phone",
        "registration_ip_address", "tax_exempt_category", "date_created", "date_modified", "accepts_product_review_abandoned_cart_emails",
        "store_credit_amounts", "origin_channel_id", "channel_ids",
    ];

    /// <summary>The fields of an address in a V3 customer, in the order V3 writes them.</summary>
    public static readonly string[] AddressShape =
    [
        "id", "address1", "address2", "address_type", "city", "company", "country", "country_code", "customer_id", "first_name", "last_name",
        "phone", "postal_code", "state_or_province",
    ];

    /// <summary>A customer_Post item: the required fields (names Jane Doe) plus <paramref name="extra"/>, whose keys win.</summary>
    public static Dictionary<string, object?> Customer(string email, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["email"] = email, ["first_name"] = "Jane", ["last_name"] = "Doe" };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return body;
    }

    /// <summary>An address with the fields customerAddresses_CustomerPost requires, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, object?> Address(string city = "Austin", string countryCode = "US", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["first_name"] = "Ronald", ["last_name"] = "Swimmer", ["address1"] = "12 Main St", ["city"] = city, ["country_code"] = countryCode,
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

    public static Task<HttpResponseMessage> PostCustomersAsync(this TestStore store, params object[] items) => store.V3.PostJsonAsync(Url, items);

    public static Task<HttpResponseMessage> PutCustomersAsync(this TestStore store, params object[] items) => store.V3.PutJsonAsync(Url, items);

    /// <summary>POSTs the items, asserts 200 with <c>{"data":[one per item],"meta":{}}</c>, and returns the data.</summary>
    public static async Task<JsonElement[]> CreateV3Async(this TestStore store, params object[] items) =>
        await (await store.PostCustomersAsync(items)).ShouldBeWrittenAsync(items.Length);

    /// <summary>PUTs the items, asserts 200 with <c>{"data":[one per item],"meta":{}}</c>, and returns the data.</summary>
    public static async Task<JsonElement[]> UpdateV3Async(this TestStore store, params object[] items) =>
        await (await store.PutCustomersAsync(items)).ShouldBeWrittenAsync(items.Length);

    /// <summary>A 200 write answer: exactly <c>data</c> (of <paramref name="count"/> customers, each in <see cref="Shape"/>) and an empty <c>meta</c>.</summary>
    public static async Task<JsonElement[]> ShouldBeWrittenAsync(this HttpResponseMessage response, int count)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").ValueKind.ShouldBe(JsonValueKind.Object);
        body.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        var data = body.Data();
        data.Length.ShouldBe(count);
        foreach (var customer in data)
        {
            var names = customer.EnumerateObject().Select(p => p.Name).ToArray();
            names.Take(Shape.Length).ShouldBe(Shape, $"fields of {customer}");
            names.Skip(Shape.Length).ShouldBeSubsetOf(["addresses", "form_fields"], $"fields of {customer}");
        }

        return data;
    }

    /// <summary>
    /// A 422 of a batch refused for what the store holds: <paramref name="title"/> and exactly <paramref name="errors"/>
    /// (key, and the reason or, when it ends with <c>…</c>, the reason's start).
    /// </summary>
    public static async Task ShouldBeRefusedAsync(this HttpResponseMessage response, string title, params (string Key, string Reason)[] errors)
    {
        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe(title);
        var answered = error.Errors();
        answered.Keys.Order(StringComparer.Ordinal).ShouldBe(errors.Select(e => e.Key).Order(StringComparer.Ordinal), $"errors: {error}");
        foreach (var (key, reason) in errors)
        {
            if (reason.EndsWith('…'))
            {
                answered[key].ShouldStartWith(reason[..^1], customMessage: $"errors: {error}");
            }
            else
            {
                answered[key].ShouldBe(reason, $"errors: {error}");
            }
        }
    }

    /// <summary>BigCommerce's words for a taken email (V3 doc 1.3), the email as it was sent less surrounding spaces.</summary>
    public static string EmailInUse(bool creating, string email) =>
        $"Error {(creating ? "creating" : "updating")} customers: email {email.Trim()} already in use";

    /// <summary>The customer as <c>GET customers?id:in={id}</c> lists it with <paramref name="include"/>.</summary>
    public static async Task<JsonElement> V3CustomerAsync(this TestStore store, int id, string include = "addresses,attributes,storecredit")
    {
        var body = await (await store.V3.GetAsync($"{Url}?id:in={id}&include={include}")).ShouldBeAsync(HttpStatusCode.OK);
        return body.Data().ShouldHaveSingleItem();
    }

    /// <summary>
    /// Everything the store holds of its customers, as text: every customer in V3 with addresses, attribute values and
    /// store credit, and V2's count (the store's own counter), to show a refused write changed nothing.
    /// </summary>
    public static async Task<string> CustomersStateAsync(this TestStore store)
    {
        var v3 = await (await store.V3.GetAsync($"{Url}?include=addresses,attributes,storecredit&limit=250")).ShouldBeAsync(HttpStatusCode.OK);
        var count = await store.V2.GetFromJsonCountAsync();
        return $"{count}\n{v3.GetProperty("data").GetRawText()}";
    }

    /// <summary>A V2 date (RFC 2822, <c>+0000</c>) as UTC.</summary>
    public static DateTime V2Instant(this JsonElement item, string field) =>
        DateTime.ParseExact(item.GetProperty(field).GetString()!, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Now, to the second, as the service stamps dates.</summary>
    public static DateTime UtcSecond()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
