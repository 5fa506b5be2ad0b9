using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Reliability;

/// <summary>Fills a store through the API with every kind of row, each carrying <c>marker</c> where text allows it.</summary>
internal static class ReliabilityStores
{
    /// <summary>
    /// Groups 1..<paramref name="groups"/>, customers 1..<paramref name="customers"/> (all in group 1, with a password
    /// and one address each, so address i belongs to customer i), attributes 1..<paramref name="attributes"/> (1 a
    /// number, the others strings) and a value of every attribute for every customer (ids in customer-major order).
    /// </summary>
    public static async Task PopulateAsync(this TestStore store, string marker, int customers, int groups, int attributes)
    {
        for (var g = 1; g <= groups; g++)
        {
            var group = await (await store.V2.PostJsonAsync("customer_groups", new { name = $"{marker} group {g}" })).ShouldBeAsync(HttpStatusCode.Created);
            group.GetProperty("id").GetInt32().ShouldBe(g);
        }

        for (var c = 1; c <= customers; c++)
        {
            var customer = await store.CreateCustomerAsync($"{marker}-{c}@example.com", new
            {
                company = marker, phone = $"{c}{c}{c}", notes = $"{marker} notes {c}", tax_exempt_category = marker,
                store_credit = c, customer_group_id = groups > 0 ? 1 : 0, registration_ip_address = $"10.0.0.{c}",
                _authentication = new { password = Passwords.Good },
            });
            customer.GetProperty("id").GetInt32().ShouldBe(c);
            var address = await (await store.V2.PostJsonAsync($"customers/{c}/addresses", new
            {
                first_name = marker, last_name = $"{marker} {c}", street_1 = $"{c} {marker} street", city = $"{marker} city", state = "Texas",
                zip = "78757", country = "United States", phone = "555",
            })).ShouldBeAsync(HttpStatusCode.Created);
            address.GetProperty("id").GetInt32().ShouldBe(c);
        }

        if (attributes == 0)
        {
            return;
        }

        var ids = await store.CreateAttributesAsync([.. Enumerable.Range(1, attributes).Select(a => ($"{marker} attribute {a}", a == 1 ? "number" : "string"))]);
        ids.ShouldBe(Enumerable.Range(1, attributes));
        await store.UpsertValuesAsync([.. from c in Enumerable.Range(1, customers)
                                          from a in Enumerable.Range(1, attributes)
                                          select (c, a, a == 1 ? $"{c}" : $"{marker} value {c}.{a}")]);
    }
}
