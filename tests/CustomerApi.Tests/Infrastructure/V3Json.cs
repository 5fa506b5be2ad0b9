using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>Assertions and set-up calls for the V3 API.</summary>
public static class V3Json
{
    public const string ErrorType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";
    public const string InvalidBody = "JSON data is missing or invalid";

    /// <summary>Asserts a V3 error: <c>{status, title, type, errors}</c> with this status; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeV3ErrorAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ShouldBeAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        body.ValueKind.ShouldBe(JsonValueKind.Object);
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("type").GetString().ShouldBe(ErrorType);
        body.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Object);
        return body;
    }

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

    /// <summary>
    /// Asserts a V3 422 for query parameters: the title lists <paramref name="names"/> (in the request's order),
    /// <c>errors</c> has a reason for exactly <paramref name="badValues"/> (unknown names get none).
    /// </summary>
    public static async Task ShouldBeBadFilterAsync(this HttpResponseMessage response, string names, params string[] badValues)
    {
        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.GetProperty("title").GetString().ShouldBe($"The filter(s): {names} are not valid filter parameter(s).");
        error.Errors().Keys.Order(StringComparer.Ordinal).ShouldBe(badValues.Order(StringComparer.Ordinal), $"errors: {error}");
    }

    /// <summary>A V3 date field, checked to be written <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static DateTime Instant(this JsonElement item, string field)
    {
        var text = item.GetProperty(field).GetString()!;
        text.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", $"{field} of {item}");
        return DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <summary>The <c>errors</c> map of a V3 error body.</summary>
    public static Dictionary<string, string> Errors(this JsonElement error) =>
        error.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    /// <summary>The <c>data</c> array of a V3 answer.</summary>
    public static JsonElement[] Data(this JsonElement body) => [.. body.GetProperty("data").EnumerateArray()];

    /// <summary>Creates attributes (<c>name</c>, <c>type</c>) in one call; returns their ids in order.</summary>
    public static async Task<int[]> CreateAttributesAsync(this TestStore store, params (string Name, string Type)[] attributes)
    {
        var response = await store.V3.PostJsonAsync("customers/attributes", attributes.Select(a => new { name = a.Name, type = a.Type }).ToArray());
        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        return [.. body.Data().Select(a => a.GetProperty("id").GetInt32())];
    }

    /// <summary>Upserts attribute values (<c>customer_id</c>, <c>attribute_id</c>, <c>value</c>); returns the answer's data.</summary>
    public static async Task<JsonElement[]> UpsertValuesAsync(this TestStore store, params (int CustomerId, int AttributeId, string Value)[] values)
    {
        var response = await store.V3.PutJsonAsync("customers/attribute-values",
            values.Select(v => new { customer_id = v.CustomerId, attribute_id = v.AttributeId, value = v.Value }).ToArray());
        return (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();
    }
}
