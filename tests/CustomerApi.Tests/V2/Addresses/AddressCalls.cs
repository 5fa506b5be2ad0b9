using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Addresses;

/// <summary>Helpers for the address tests: a valid body, creating an address, and reading a customer's addresses back.</summary>
internal static class AddressCalls
{
    /// <summary>Every required field, plus <paramref name="changes"/> (a null value removes the field).</summary>
    public static Dictionary<string, object?> Body(object? changes = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["first_name"] = "Trisha", ["last_name"] = "McLaughlin", ["phone"] = "512-555-0100", ["street_1"] = "12345 W Anderson Ln",
            ["city"] = "Austin", ["state"] = "Texas", ["zip"] = "78757", ["country"] = "United States",
        };
        return body.With(changes);
    }

    /// <summary>The body with <paramref name="changes"/> applied: each of its fields set, or removed when null.</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, object? changes)
    {
        if (changes is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(changes).EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    body.Remove(property.Name);
                }
                else
                {
                    body[property.Name] = property.Value;
                }
            }
        }

        return body;
    }

    /// <summary>Creates a customer (id 1 in a new store) to hang addresses on; returns its id.</summary>
    public static async Task<int> NewCustomerAsync(this TestStore store, string email = "jane@example.com") =>
        (await store.CreateCustomerAsync(email)).GetProperty("id").GetInt32();

    /// <summary>POSTs a valid address (with <paramref name="changes"/>) to the customer; asserts 201 and returns it.</summary>
    public static async Task<JsonElement> CreateAddressAsync(this TestStore store, int customerId, object? changes = null) =>
        await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", Body(changes))).ShouldBeAsync(HttpStatusCode.Created);

    /// <summary>The customer's addresses as raw JSON text ("" when the list is 204), to show a refused write changed nothing.</summary>
    public static async Task<string> AddressesTextAsync(this TestStore store, int customerId)
    {
        var response = await store.V2.GetAsync($"customers/{customerId}/addresses");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<int> AddressCountAsync(this TestStore store, int customerId) =>
        (await (await store.V2.GetAsync($"customers/{customerId}/addresses/count")).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("count").GetInt32();

    public static int[] Ids(this JsonElement list) => [.. list.EnumerateArray().Select(a => a.GetProperty("id").GetInt32())];
}
