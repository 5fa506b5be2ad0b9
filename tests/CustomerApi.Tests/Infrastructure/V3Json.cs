using System.Net;
using System.Text.Json;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>Assertions and set-up calls for the V3 API.</summary>
public static class V3Json
{
    public const string ErrorType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

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
