using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Seed;

/// <summary>A store made through the admin API, seeded, with clients of both public versions.</summary>
public sealed record SeededStore(string Hash, HttpClient V2, HttpClient V3, JsonElement Summary);

public static class SeedCalls
{
    public static async Task<(string Hash, HttpClient V2, HttpClient V3)> NewAdminStoreAsync(this ApiFixture api, HttpClient admin)
    {
        var (hash, token) = await admin.CreateStoreAsync();
        return (hash, await api.StoreClientAsync(hash, token), await api.StoreClientAsync(hash, token, "v3"));
    }

    public static async Task<SeededStore> NewSeededStoreAsync(this ApiFixture api, object plan)
    {
        var admin = await api.AdminAsync();
        var (hash, v2, v3) = await api.NewAdminStoreAsync(admin);
        return new SeededStore(hash, v2, v3, await admin.SeedAsync(hash, plan));
    }

    public static async Task<JsonElement> SeedAsync(this HttpClient admin, string hash, object plan) =>
        await (await admin.PostJsonAsync($"admin/stores/{hash}/seed", plan)).ShouldBeAsync(HttpStatusCode.Created);

    /// <summary>Every item of a V2 list, page by page (<paramref name="path"/> without a query).</summary>
    public static async Task<List<JsonElement>> AllV2Async(this HttpClient v2, string path, int limit = 250)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await v2.GetAsync($"{path}?page={page}&limit={limit}");
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return all;
            }

            var items = (await response.ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count < limit)
            {
                return all;
            }
        }
    }

    /// <summary>Every item of a V3 list, page by page, and the total its first page announced.</summary>
    public static async Task<(List<JsonElement> Items, int Total)> AllV3Async(this HttpClient v3, string path)
    {
        var all = new List<JsonElement>();
        var total = -1;
        for (var page = 1; ; page++)
        {
            var body = await (await v3.GetAsync($"{path}?page={page}&limit=250")).ShouldBeAsync(HttpStatusCode.OK);
            var pagination = body.GetProperty("meta").GetProperty("pagination");
            total = total < 0 ? pagination.GetProperty("total").GetInt32() : total;
            all.AddRange(body.GetProperty("data").EnumerateArray());
            if (page >= pagination.GetProperty("total_pages").GetInt32())
            {
                return (all, total);
            }
        }
    }

    /// <summary>
    /// The store's data as its V2 and V3 lists show it, minus what may differ between two stores seeded alike: dates
    /// (they follow the clock) and the store's hash in links.
    /// </summary>
    public static async Task<string> ComparableDataAsync(this SeededStore store)
    {
        var customers = await store.V2.AllV2Async("customers");
        var addresses = new List<JsonElement>();
        foreach (var customer in customers)
        {
            addresses.AddRange(await store.V2.AllV2Async($"customers/{customer.GetProperty("id").GetInt32()}/addresses"));
        }

        var data = new JsonObject
        {
            ["customers"] = Comparable(customers),
            ["addresses"] = Comparable(addresses),
            ["groups"] = Comparable(await store.V2.AllV2Async("customer_groups")),
            ["attributes"] = Comparable((await store.V3.AllV3Async("customers/attributes")).Items),
            ["values"] = Comparable((await store.V3.AllV3Async("customers/attribute-values")).Items),
        };
        return data.ToJsonString().Replace(store.Hash, "{hash}", StringComparison.Ordinal);
    }

    private static JsonArray Comparable(List<JsonElement> items) => new([.. items.Select(item =>
    {
        var node = JsonNode.Parse(item.GetRawText())!.AsObject();
        node.Remove("date_created");
        node.Remove("date_modified");
        return (JsonNode)node;
    })]);
}
