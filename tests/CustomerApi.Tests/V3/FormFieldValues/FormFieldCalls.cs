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
}
