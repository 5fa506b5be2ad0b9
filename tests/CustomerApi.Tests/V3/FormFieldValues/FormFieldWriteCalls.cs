using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.V3.FormFieldValues;

/// <summary>What the form field write tests share: address items, expected field lists, and the values a store holds.</summary>
internal static class FormFieldWriteCalls
{
    public const string AddressesUrl = "customers/addresses";
    public const string CreateAddressesFailed = "Create customer addresses failed.";
    public const string UpdateAddressesFailed = "Update customer addresses failed.";

    /// <summary>A JSON value, as a form field's <c>value</c> is sent.</summary>
    public static JsonElement Raw(string json) => JsonElement.Parse(json);

    /// <summary>A checkboxes value: a JSON list of the options.</summary>
    public static JsonElement Options(params string[] options) => JsonSerializer.SerializeToElement(options);

    /// <summary>
    /// Every customer field of <see cref="FormFieldCalls.EveryType"/> in definition order, as (name, raw JSON value): the
    /// <paramref name="set"/> ones with their JSON, the others empty (<c>""</c>, or <c>[]</c> for the checkboxes).
    /// </summary>
    public static (string Name, string Value)[] CustomerFields(params (string Name, string Json)[] set) =>
        Every(FormFieldCalls.CustomerFieldNames, "Interests", set);

    /// <summary>Every address field of <see cref="FormFieldCalls.EveryType"/>, as <see cref="CustomerFields"/> lists the customer's.</summary>
    public static (string Name, string Value)[] AddressFields(params (string Name, string Json)[] set) =>
        Every(FormFieldCalls.AddressFieldNames, "Leave at door", set);

    private static (string Name, string Value)[] Every(string[] names, string checkboxes, (string Name, string Json)[] set)
    {
        set.Select(s => s.Name).ShouldBeSubsetOf(names);
        return [.. names.Select(n => (n, set.Where(s => s.Name == n).Select(s => s.Json).FirstOrDefault() ?? (n == checkboxes ? "[]" : "\"\"")))];
    }

    /// <summary>A customer's <c>form_fields</c>, each checked to be <c>{"customer_id": its id, "name", "value"}</c>.</summary>
    public static (string Name, string Value)[] CustomerFormFields(this JsonElement customer) => customer.FormFieldsOf("customer_id");

    /// <summary>An address's <c>form_fields</c>, each checked to be <c>{"address_id": its id, "name", "value"}</c>.</summary>
    public static (string Name, string Value)[] AddressFormFields(this JsonElement address) => address.FormFieldsOf("address_id");

    private static (string Name, string Value)[] FormFieldsOf(this JsonElement owner, string ownerKey)
    {
        owner.TryGetProperty("form_fields", out var fields).ShouldBeTrue($"form_fields of {owner}");
        var id = owner.GetProperty("id").GetInt32();
        foreach (var field in fields.EnumerateArray())
        {
            field.EnumerateObject().Select(p => p.Name).ShouldBe([ownerKey, "name", "value"], $"a form field of {owner}");
            field.GetProperty(ownerKey).GetInt32().ShouldBe(id, $"a form field of {owner}");
        }

        return fields.Pairs();
    }

    public static bool Has(this JsonElement item, string key) => item.TryGetProperty(key, out _);

    public static bool HasFormFields(this JsonElement item) => item.Has("form_fields");

    /// <summary>A <c>POST /customers/addresses</c> item with every required field, plus <paramref name="extra"/> (whose keys win).</summary>
    public static Dictionary<string, object?> AddressItem(int customerId, string address1 = "1 Main St", object? extra = null) =>
        new Dictionary<string, object?>
        {
            ["customer_id"] = customerId, ["first_name"] = "Ann", ["last_name"] = "Lee", ["address1"] = address1, ["city"] = "Austin",
            ["state_or_province"] = "Texas", ["postal_code"] = "78701", ["country_code"] = "US",
        }.With(extra);

    public static Task<HttpResponseMessage> PostAddressesAsync(this TestStore store, params object[] items) => store.V3.PostJsonAsync(AddressesUrl, items);

    public static Task<HttpResponseMessage> PutAddressesAsync(this TestStore store, params object[] items) => store.V3.PutJsonAsync(AddressesUrl, items);

    /// <summary>A 200 address write; returns its <c>data</c>.</summary>
    public static async Task<JsonElement[]> AddressesWrittenAsync(this HttpResponseMessage response) => (await response.ShouldBeAsync(HttpStatusCode.OK)).Data();

    /// <summary>The store's stored values (<c>GET customers/form-field-values</c>), each as <c>customer 1: Name = "value"</c>, by id.</summary>
    public static async Task<string[]> StoredAsync(this TestStore store, string query = "")
    {
        var values = (await store.ValuesAsync("?limit=250" + query)).Data();
        return [.. values.Select(v => v.TryGetProperty("customer_id", out var customer)
            ? $"customer {customer.GetInt32()}: {v.GetProperty("name").GetString()} = {v.GetProperty("value").GetRawText()}"
            : $"address {v.GetProperty("address_id").GetInt32()}: {v.GetProperty("name").GetString()} = {v.GetProperty("value").GetRawText()}")];
    }

    /// <summary>Everything a refused write could have changed: customers, their addresses and every stored value.</summary>
    public static async Task<string> FormFieldStateAsync(this TestStore store)
    {
        var customers = await store.CustomersStateAsync();
        var addresses = await (await store.V3.GetAsync(AddressesUrl + "?include=formfields&limit=250")).Content.ReadAsStringAsync();
        return $"{customers}\n{addresses}\n{string.Join('\n', await store.StoredAsync())}";
    }

    /// <summary>The stored JSON of the store's values of the field <paramref name="fieldName"/>, read from the database.</summary>
    public static async Task<string[]> StoredJsonAsync(this TestStore store, string fieldName)
    {
        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == store.Hash).Select(s => s.Id).SingleAsync();
        return await db.FormFieldValues.Where(v => v.StoreId == storeId
                && db.FormFields.Any(f => f.StoreId == storeId && f.Id == v.FieldId && f.Name == fieldName))
            .Select(v => v.Value).ToArrayAsync();
    }
}
