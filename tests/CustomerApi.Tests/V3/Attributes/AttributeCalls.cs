using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary>What the attribute tests share: the list call, the item shape and the error checks.</summary>
public static class AttributeCalls
{
    public const string Url = "customers/attributes";
    public const string InvalidBody = "JSON data is missing or invalid";

    /// <summary>The fields of an attribute, in the order V3 writes them.</summary>
    public static readonly string[] Shape = ["id", "name", "type", "date_created", "date_modified"];

    /// <summary><c>GET customers/attributes?{query}</c>: asserts 200 and returns the whole body.</summary>
    public static async Task<JsonElement> ListAsync(this TestStore store, string query = "") =>
        await (await store.V3.GetAsync(Url + (query.Length > 0 ? "?" + query : ""))).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>The ids <c>GET customers/attributes?{query}</c> answers, in order.</summary>
    public static async Task<int[]> AttributeIdsAsync(this TestStore store, string query = "") =>
        [.. (await store.ListAsync(query)).Data().Select(a => a.GetProperty("id").GetInt32())];

    /// <summary>Every attribute of the store (at most 50 exist, so one page of 250 holds them all) as raw JSON text, for before/after comparisons.</summary>
    public static async Task<string> SnapshotAsync(this TestStore store) =>
        (await store.ListAsync("limit=250")).GetProperty("data").GetRawText();

    /// <summary>Asserts a V3 422 body-validation error whose <c>errors</c> has exactly <paramref name="keys"/>; returns the errors.</summary>
    public static async Task<Dictionary<string, string>> ShouldBeInvalidBodyAsync(this HttpResponseMessage response, params string[] keys)
    {
        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe(InvalidBody);
        var errors = error.Errors();
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(keys.Order(StringComparer.Ordinal), $"errors: {error}");
        errors.Values.ShouldAllBe(reason => !string.IsNullOrWhiteSpace(reason));
        return errors;
    }

    /// <summary>Asserts a V3 422 for query parameters: the title lists <paramref name="names"/>, <c>errors</c> has exactly <paramref name="badValues"/>.</summary>
    public static async Task ShouldBeBadFilterAsync(this HttpResponseMessage response, string names, params string[] badValues)
    {
        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe($"The filter(s): {names} are not valid filter parameter(s).");
        error.Errors().Keys.Order(StringComparer.Ordinal).ShouldBe(badValues.Order(StringComparer.Ordinal), $"errors: {error}");
    }

    /// <summary>Asserts the attribute's fields, in order, with dates as ISO 8601 UTC to the second with Z.</summary>
    public static void ShouldBeAttribute(this JsonElement attribute, int id, string name, string type)
    {
        attribute.EnumerateObject().Select(p => p.Name).ShouldBe(Shape);
        attribute.GetProperty("id").GetInt32().ShouldBe(id);
        attribute.GetProperty("name").GetString().ShouldBe(name);
        attribute.GetProperty("type").GetString().ShouldBe(type);
        attribute.Instant("date_created");
        attribute.Instant("date_modified");
    }

    /// <summary>A date field, checked to be written as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static DateTime Instant(this JsonElement item, string field)
    {
        var text = item.GetProperty(field).GetString()!;
        text.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        return DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Creates <paramref name="count"/> string attributes named <c>{prefix}1</c>… in one call; returns their ids.</summary>
    public static Task<int[]> CreateManyAsync(this TestStore store, int count, string prefix = "Attribute") =>
        store.CreateAttributesAsync([.. Enumerable.Range(1, count).Select(i => ($"{prefix}{i}", "string"))]);
}
