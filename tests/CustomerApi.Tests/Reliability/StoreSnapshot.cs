using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Everything a store holds, twice over: as the API shows it (V2 customers with their addresses, groups, V3
/// attributes and values) and as rows in the database (every table, every column, the store's id counters and
/// tokens), so that a write the API would never show still differs.
/// </summary>
public sealed class StoreSnapshot
{
    private StoreSnapshot(IReadOnlyDictionary<string, string> sections) => Sections = sections;

    public IReadOnlyDictionary<string, string> Sections { get; }

    public static async Task<StoreSnapshot> TakeAsync(TestStore store)
    {
        var sections = new Dictionary<string, string> { ["api: attributes, values, customers"] = await store.SnapshotAsync() };
        var customers = await store.V2.GetAsync("customers?limit=250");
        var ids = customers.StatusCode == HttpStatusCode.NoContent
            ? []
            : (await customers.ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        var addresses = new List<string>();
        foreach (var id in ids)
        {
            addresses.Add($"{id}: {await TextAsync(store.V2, $"customers/{id}/addresses?limit=250")}");
        }

        sections["api: addresses"] = string.Join('\n', addresses);
        sections["api: customer groups"] = await TextAsync(store.V2, "customer_groups?limit=250");

        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == store.Hash).Select(s => s.Id).SingleAsync();
        sections["db: stores"] = Json(await db.Stores.AsNoTracking().Where(s => s.Id == storeId).ToListAsync());
        sections["db: api_tokens"] = Json(await db.ApiTokens.AsNoTracking().Where(t => t.StoreId == storeId).OrderBy(t => t.Id).ToListAsync());
        sections["db: customers"] = Json(await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId).OrderBy(c => c.Id).ToListAsync());
        sections["db: customer_addresses"] = Json(await db.CustomerAddresses.AsNoTracking().Where(a => a.StoreId == storeId).OrderBy(a => a.Id).ToListAsync());
        sections["db: customer_groups"] = Json(await db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == storeId).OrderBy(g => g.Id).ToListAsync());
        sections["db: customer_attributes"] = Json(await db.CustomerAttributes.AsNoTracking().Where(a => a.StoreId == storeId).OrderBy(a => a.Id).ToListAsync());
        sections["db: customer_attribute_values"] =
            Json(await db.CustomerAttributeValues.AsNoTracking().Where(v => v.StoreId == storeId).OrderBy(v => v.Id).ToListAsync());
        return new StoreSnapshot(sections);
    }

    /// <summary>The sections that differ from <paramref name="before"/>, each with both versions, for a failure report.</summary>
    public IReadOnlyList<string> ChangesSince(StoreSnapshot before) =>
        [.. Sections.Where(s => before.Sections[s.Key] != s.Value).Select(s => $"{s.Key} changed:\n  before: {before.Sections[s.Key]}\n  after:  {s.Value}")];

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Json<T>(List<T> rows) => JsonSerializer.Serialize(rows);
}
