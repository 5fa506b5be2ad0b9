using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Customers;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// What the customer metafield tests share (contract: /work/metafields-contract.md): URLs, bodies, the calls and the
/// shapes of their answers.
/// </summary>
internal static class MetafieldCalls
{
    public const string BatchUrl = "customers/metafields";

    public const string NotFoundTitle = "The resource at that URL is not found.";

    /// <summary>The fields of a metafield, as the contract's object lists them.</summary>
    public static readonly string[] Shape =
    [
        "id", "key", "value", "namespace", "permission_set", "resource_type", "resource_id", "description", "date_created", "date_modified",
        "owner_client_id",
    ];

    public static readonly string[] PermissionSets = ["app_only", "read", "write", "read_and_sf_access", "write_and_sf_access"];

    /// <summary><c>customers/{customerId}/metafields</c>.</summary>
    public static string Url(int customerId) => $"customers/{customerId}/metafields";

    /// <summary><c>customers/{customerId}/metafields/{metafieldId}</c>.</summary>
    public static string Url(int customerId, int metafieldId) => $"customers/{customerId}/metafields/{metafieldId}";

    /// <summary>A MetafieldBase_Post body with every required field, plus <paramref name="changes"/> (a null value removes a field).</summary>
    public static Dictionary<string, object?> Body(string key = "location_id", string value = "4HG", string space = "Warehouse Locations",
        string permissionSet = "app_only", object? changes = null) =>
        new Dictionary<string, object?> { ["permission_set"] = permissionSet, ["namespace"] = space, ["key"] = key, ["value"] = value }.With(changes);

    /// <summary>A batch POST item: <see cref="Body"/> for the customer <paramref name="customerId"/>.</summary>
    public static Dictionary<string, object?> Item(int customerId, string key = "location_id", string value = "4HG", string space = "Warehouse Locations",
        string permissionSet = "app_only", object? changes = null) =>
        Body(key, value, space, permissionSet, changes).With(new { resource_id = customerId });

    /// <summary>Creates customers (V3, ten to a call) and returns their ids.</summary>
    public static Task<int[]> CustomersAsync(this TestStore store, int count) =>
        store.CreateV3CustomersAsync([.. Enumerable.Range(1, count).Select(i => $"Last{i}")]);

    public static Task<HttpResponseMessage> PostMetafieldAsync(this HttpClient v3, int customerId, object body) => v3.PostJsonAsync(Url(customerId), body);

    /// <summary>POSTs one metafield, asserts the 200 collection answer of one, and returns the metafield.</summary>
    public static async Task<JsonElement> CreateMetafieldAsync(this HttpClient v3, int customerId, object body) =>
        (await (await v3.PostMetafieldAsync(customerId, body)).ShouldBeMetafieldsWrittenAsync(1)).Single();

    /// <summary>Creates a metafield with <see cref="Body"/>'s arguments on the store's own token; returns it.</summary>
    public static Task<JsonElement> CreateMetafieldAsync(this TestStore store, int customerId, string key = "location_id", string value = "4HG",
        string space = "Warehouse Locations", string permissionSet = "app_only", object? changes = null) =>
        store.V3.CreateMetafieldAsync(customerId, Body(key, value, space, permissionSet, changes));

    /// <summary>GETs one metafield, asserts 200 with exactly <c>{"data": metafield, "meta": {}}</c>, and returns the metafield.</summary>
    public static async Task<JsonElement> MetafieldAsync(this HttpClient v3, int customerId, int metafieldId)
    {
        var body = await (await v3.GetAsync(Url(customerId, metafieldId))).ShouldBeAsync(HttpStatusCode.OK);
        body.Keys().ShouldBe(["data", "meta"]);
        body.GetProperty("meta").GetRawText().ShouldBe("{}");
        var metafield = body.GetProperty("data");
        metafield.ShouldHaveShape();
        return metafield;
    }

    /// <summary>GETs a list (<c>?{query}</c> appended when given), asserts 200 with <c>data</c> and <c>meta.pagination</c>; returns the body.</summary>
    public static async Task<JsonElement> ListAsync(this HttpClient v3, string url, string query = "")
    {
        var body = await (await v3.GetAsync(url + (query.Length > 0 ? "?" + query : ""))).ShouldBeAsync(HttpStatusCode.OK);
        body.Keys().ShouldBe(["data", "meta"]);
        return body;
    }

    /// <summary>The ids a list answers, in its order.</summary>
    public static async Task<int[]> IdsAsync(this HttpClient v3, string url, string query = "") => (await v3.ListAsync(url, query)).MetafieldIds();

    public static int[] MetafieldIds(this JsonElement body) => [.. body.Data().Select(m => m.GetProperty("id").GetInt32())];

    public static int Id(this JsonElement metafield) => metafield.GetProperty("id").GetInt32();

    public static string Text(this JsonElement item, string field) => item.GetProperty(field).GetString()!;

    /// <summary>Every field of the contract's object, each of its type, the dates in <c>+00:00</c>, <c>resource_type</c> "customer".</summary>
    public static void ShouldHaveShape(this JsonElement metafield)
    {
        metafield.Keys().Order(StringComparer.Ordinal).ShouldBe(Shape.Order(StringComparer.Ordinal), $"fields of {metafield}");
        metafield.GetProperty("id").GetInt32().ShouldBeGreaterThan(0);
        metafield.GetProperty("resource_id").GetInt32().ShouldBeGreaterThan(0);
        foreach (var field in new[] { "key", "value", "namespace", "permission_set", "description", "owner_client_id" })
        {
            metafield.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.String, $"{field} of {metafield}");
        }

        metafield.Text("resource_type").ShouldBe("customer");
        metafield.Text("permission_set").ShouldBeOneOf(PermissionSets);
        metafield.Text("owner_client_id").ShouldMatch("^[0-9a-f]{30}$");
        metafield.Offset("date_created").ShouldBeLessThanOrEqualTo(metafield.Offset("date_modified"));
    }

    /// <summary>A metafield date, checked to be written <c>yyyy-MM-ddTHH:mm:ss+00:00</c> (not <c>Z</c>), as UTC.</summary>
    public static DateTime Offset(this JsonElement item, string field)
    {
        var text = item.Text(field);
        text.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", $"{field} of {item}");
        return DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <summary>
    /// A 200 write: exactly <c>{"data":[count metafields],"errors":[],"meta":{"total":count,"success":count,"failed":0}}</c>; returns the data.
    /// </summary>
    public static async Task<JsonElement[]> ShouldBeMetafieldsWrittenAsync(this HttpResponseMessage response, int count)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.Keys().Order(StringComparer.Ordinal).ShouldBe(["data", "errors", "meta"]);
        body.GetProperty("errors").GetRawText().ShouldBe("[]");
        body.GetProperty("meta").GetRawText().ShouldBe($$"""{"total":{{count}},"success":{{count}},"failed":0}""");
        var data = body.Data();
        data.Length.ShouldBe(count);
        foreach (var metafield in data)
        {
            metafield.ShouldHaveShape();
        }

        return data;
    }

    /// <summary>A 200 batch DELETE: exactly <c>{"data":[ids],"errors":[],"meta":{...}}</c> with <paramref name="ids"/>.</summary>
    public static async Task ShouldBeDeletedAsync(this HttpResponseMessage response, params int[] ids)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.Keys().Order(StringComparer.Ordinal).ShouldBe(["data", "errors", "meta"]);
        body.Data().Select(id => id.GetInt32()).Order().ShouldBe(ids.Order());
        body.GetProperty("errors").GetRawText().ShouldBe("[]");
        body.GetProperty("meta").GetRawText().ShouldBe($$"""{"total":{{ids.Length}},"success":{{ids.Length}},"failed":0}""");
    }

    /// <summary>
    /// A 422 partial success: <c>meta</c> {total, success, failed}, one entry in <c>errors</c> per failed item (a V3 error whose
    /// <c>errors</c> has one key, the item's position or id), each message containing its fragment (any case); returns <c>data</c>.
    /// </summary>
    public static async Task<JsonElement[]> ShouldBePartialAsync(this HttpResponseMessage response, int total, params (string Key, string Says)[] failed)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        body.Keys().Order(StringComparer.Ordinal).ShouldBe(["data", "errors", "meta"]);
        var data = body.GetProperty("data");
        data.ValueKind.ShouldBe(JsonValueKind.Array);
        body.GetProperty("meta").GetRawText()
            .ShouldBe($$"""{"total":{{total}},"success":{{data.GetArrayLength()}},"failed":{{failed.Length}}}""");
        (data.GetArrayLength() + failed.Length).ShouldBe(total);
        var errors = body.GetProperty("errors").EnumerateArray().ToArray();
        errors.Length.ShouldBe(failed.Length, $"one error per failed item: {body}");
        var messages = new Dictionary<string, string>();
        foreach (var error in errors)
        {
            error.GetProperty("status").GetInt32().ShouldBeInRange(400, 499);
            error.Text("title").ShouldNotBeNullOrWhiteSpace();
            error.Text("type").ShouldBe(V3Json.ErrorType);
            var entries = error.Errors();
            entries.Count.ShouldBe(1, $"one key per failed item: {error}");
            messages.Add(entries.Keys.Single(), entries.Values.Single());
        }

        messages.Keys.Order(StringComparer.Ordinal).ShouldBe(failed.Select(f => f.Key).Order(StringComparer.Ordinal), $"errors: {body}");
        foreach (var (key, says) in failed)
        {
            messages[key].ShouldContain(says, Case.Insensitive, $"error of {key}: {body}");
        }

        return body.Data();
    }

    /// <summary>The single-route 404: status, the contract's title and type, and no more than an empty <c>errors</c> or an <c>instance</c> beside them.</summary>
    public static async Task ShouldBeNotFoundAsync(this HttpResponseMessage response)
    {
        var body = await response.ShouldBeAsync(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.GetProperty("status").GetInt32().ShouldBe(404);
        body.Text("title").ShouldBe(NotFoundTitle);
        body.Text("type").ShouldBe(V3Json.ErrorType);
        body.Keys().ShouldBeSubsetOf(["status", "title", "type", "errors", "instance"]);
        if (body.TryGetProperty("errors", out var errors))
        {
            errors.GetRawText().ShouldBe("{}");
        }
    }

    /// <summary>Every metafield the store-wide list shows this client, as <c>id customer namespace/key=value</c>, by id.</summary>
    public static async Task<string[]> StoredAsync(this HttpClient v3)
    {
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await v3.ListAsync(BatchUrl, $"limit=250&page={page}");
            listed.AddRange(body.Data().Select(Describe));
            if (body.Data().Length < 250)
            {
                return [.. listed];
            }
        }
    }

    /// <summary>A metafield as <c>id customer namespace/key=value</c>.</summary>
    public static string Describe(this JsonElement m) =>
        $"{m.Id()} c{m.GetProperty("resource_id").GetInt32()} {m.Text("namespace")}/{m.Text("key")}={m.Text("value")}";
}
