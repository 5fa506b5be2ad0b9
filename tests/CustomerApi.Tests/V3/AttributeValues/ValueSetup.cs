using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.AttributeValues;

/// <summary>What the attribute-value tests share: set-up calls, the item contract and the "nothing changed" check.</summary>
public static class ValueSetup
{
    public const string Url = "customers/attribute-values";


    /// <summary>The value's fields, in the order the API writes them (brief: attribute values).</summary>
    public static readonly string[] Shape = ["id", "customer_id", "attribute_id", "attribute_value", "date_created", "date_modified"];

    /// <summary>Creates <paramref name="count"/> V2 customers; returns their ids in order.</summary>
    public static async Task<int[]> CreateCustomersAsync(this TestStore store, int count)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await store.CreateCustomerAsync($"customer{i + 1}@example.com")).GetProperty("id").GetInt32();
        }

        return ids;
    }

    /// <summary>
    /// The usual store: customers 1 and 2 and attributes 1 "Nickname" (string), 2 "Age" (number), 3 "Birthday" (date),
    /// and no values yet.
    /// </summary>
    public static async Task<TestStore> SeededStoreAsync(this ApiFixture api)
    {
        var store = await api.NewStoreAsync();
        (await store.CreateCustomersAsync(2)).ShouldBe([1, 2]);
        (await store.CreateAttributesAsync(("Nickname", "string"), ("Age", "number"), ("Birthday", "date"))).ShouldBe([1, 2, 3]);
        return store;
    }

    public const int Nickname = 1;
    public const int Age = 2;
    public const int Birthday = 3;

    public static object Item(int customerId, int attributeId, string value) =>
        new { customer_id = customerId, attribute_id = attributeId, value };

    public static Task<HttpResponseMessage> PutValuesAsync(this TestStore store, object body) =>
        store.V3.SendJsonAsync(HttpMethod.Put, Url, body);

    /// <summary><c>GET customers/attribute-values?{query}</c>: asserts 200 and returns the whole body.</summary>
    public static async Task<JsonElement> ListAsync(this TestStore store, string query = "") =>
        await (await store.V3.GetAsync(Url + (query.Length > 0 ? "?" + query : ""))).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonElement[]> ValuesAsync(this TestStore store, string query = "") => (await store.ListAsync(query)).Data();

    public static async Task<int[]> ValueIdsAsync(this TestStore store, string query = "") =>
        [.. (await store.ValuesAsync(query)).Select(v => v.GetProperty("id").GetInt32())];

    /// <summary>Every value of the store as raw JSON, to compare before and after a refused write.</summary>
    public static async Task<string[]> SnapshotAsync(this TestStore store) =>
        [.. (await store.ValuesAsync("limit=250")).Select(v => v.GetRawText())];

    /// <summary>Asserts the item's fields, in order, and that both dates are ISO 8601 UTC to the second with Z.</summary>
    public static void ShouldBeValue(this JsonElement value, int id, int customerId, int attributeId, string attributeValue)
    {
        value.EnumerateObject().Select(p => p.Name).ShouldBe(Shape, $"fields of {value}");
        value.GetProperty("id").GetInt32().ShouldBe(id, $"{value}");
        value.GetProperty("customer_id").GetInt32().ShouldBe(customerId, $"{value}");
        value.GetProperty("attribute_id").GetInt32().ShouldBe(attributeId, $"{value}");
        value.GetProperty("attribute_value").GetString().ShouldBe(attributeValue, $"{value}");
        value.Instant("date_created");
        value.Instant("date_modified");
    }

    /// <summary>204 with nothing in the body.</summary>
    public static async Task ShouldBeEmpty204Async(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"body: {body}");
        body.ShouldBeEmpty();
    }
}
