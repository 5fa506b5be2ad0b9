using System.Net;
using System.Text.Json;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.FormFieldValues;

/// <summary>A store with a form field of every type, and the calls the form field tests share.</summary>
internal static class FormFieldCalls
{
    public const string Url = "customers/form-field-values";

    /// <summary>Customer fields (ids 1-9, in this order) of every type, one required; then address fields (ids 10-12).</summary>
    public static readonly FormFieldSeed[] EveryType =
    [
        new() { Name = "Sales Rep" },
        new() { Name = "Bio", Type = "multiline" },
        new() { Name = "Employees", Type = "numbers" },
        new() { Name = "Birthday", Type = "date" },
        new() { Name = "Interests", Type = "checkboxes", Options = ["Books", "Music", "Film"] },
        new() { Name = "Contact by", Type = "radiobuttons", Options = ["Email", "Phone"] },
        new() { Name = "Shirt size", Type = "picklist", Options = ["Small", "Medium", "Large"] },
        new() { Name = "PIN", Type = "password" },
        new() { Name = "Licence", Required = true },
        new() { Name = "Delivery notes", Type = "multiline", For = "address" },
        new() { Name = "Gate code", Type = "numbers", For = "address" },
        new() { Name = "Leave at door", Type = "checkboxes", Options = ["Yes"], For = "address" },
    ];

    public static readonly string[] CustomerFieldNames = ["Sales Rep", "Bio", "Employees", "Birthday", "Interests", "Contact by", "Shirt size", "PIN", "Licence"];

    public static readonly string[] AddressFieldNames = ["Delivery notes", "Gate code", "Leave at door"];

    public static Task<TestStore> NewStoreWithEveryTypeAsync(this ApiFixture api) => api.NewStoreWithFormFieldsAsync(EveryType);

    /// <summary><c>{"name": ..., "value": ...}</c> pairs for a write's <c>form_fields</c>.</summary>
    public static object[] Fields(params (string Name, object Value)[] fields) => [.. fields.Select(f => new { name = f.Name, value = f.Value })];

    /// <summary>A form field list as (name, raw JSON value) pairs, in the order answered.</summary>
    public static (string Name, string Value)[] Pairs(this JsonElement formFields) =>
        [.. formFields.EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("value").GetRawText()))];

    public static async Task<JsonElement> ValuesAsync(this TestStore store, string query = "") =>
        await (await store.V3.GetAsync(Url + query)).ShouldBeAsync(HttpStatusCode.OK);

    public const string UpsertFailed = "Upsert customer form field values failed.";

    /// <summary>A valid value of each customer field of <see cref="EveryType"/>, by name.</summary>
    public static readonly IReadOnlyDictionary<string, object> GoodValues = new Dictionary<string, object>
    {
        ["Sales Rep"] = "Ann", ["Bio"] = "Hello", ["Employees"] = 12, ["Birthday"] = "2000-01-31", ["Interests"] = new[] { "Books" },
        ["Contact by"] = "Email", ["Shirt size"] = "Small", ["PIN"] = "1234", ["Licence"] = "L-1",
    };

    /// <summary>A checkboxes value: the options chosen.</summary>
    public static string[] Chosen(params string[] options) => options;

    /// <summary>An item of the deprecated PUT for a customer's field.</summary>
    public static object OfCustomer(int customerId, string name, object value) => new { customer_id = customerId, name, value };

    /// <summary>An item of the deprecated PUT for an address's field.</summary>
    public static object OfAddress(int addressId, string name, object value) => new { address_id = addressId, name, value };

    /// <summary>The deprecated <c>PUT customers/form-field-values</c> of <paramref name="items"/>.</summary>
    public static Task<HttpResponseMessage> PutValuesAsync(this TestStore store, params object[] items) => store.V3.PutJsonAsync(Url, items);

    /// <summary>PUTs the items, asserts 200 with <c>{"data":[...],"meta":{}}</c>, and returns each item's raw JSON.</summary>
    public static async Task<string[]> UpsertAsync(this TestStore store, params object[] items)
    {
        var body = await (await store.PutValuesAsync(items)).ShouldBeAsync(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        body.GetProperty("meta").GetRawText().ShouldBe("{}");
        return body.Raw();
    }

    /// <summary>Each listed or written value as its raw JSON, e.g. <c>{"customer_id":1,"name":"Bio","value":"Hi"}</c>.</summary>
    public static string[] Raw(this JsonElement body) => [.. body.Data().Select(v => v.GetRawText())];

    /// <summary>Each listed value as its owner and field, e.g. <c>c1 Bio</c> or <c>a2 Gate code</c>.</summary>
    public static string[] Labels(this JsonElement body) => [.. body.Data().Select(v =>
        (v.TryGetProperty("customer_id", out var customer) ? $"c{customer.GetInt32()}" : $"a{v.GetProperty("address_id").GetInt32()}")
        + " " + v.GetProperty("name").GetString())];

    /// <summary>Every value the store holds, as text, to show a refused write changed nothing.</summary>
    public static async Task<string> ValuesTextAsync(this TestStore store) =>
        (await store.ValuesAsync("?limit=250")).GetProperty("data").GetRawText();
}
