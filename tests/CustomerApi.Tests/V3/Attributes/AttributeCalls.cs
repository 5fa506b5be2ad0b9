using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary>What the attribute tests share: the list call, the item shape and the error checks.</summary>
public static class AttributeCalls
{
    public const string Url = "customers/attributes";

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

    /// <summary>Creates <paramref name="count"/> string attributes named <c>{prefix}1</c>… in one call; returns their ids.</summary>
    public static Task<int[]> CreateManyAsync(this TestStore store, int count, string prefix = "Attribute") =>
        store.CreateAttributesAsync([.. Enumerable.Range(1, count).Select(i => ($"{prefix}{i}", "string"))]);
}
