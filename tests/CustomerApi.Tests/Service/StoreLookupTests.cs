using System.Diagnostics;
using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Service;

/// <summary>How often auth asks the database about a store: once per cache time, for stores that exist and for those that do not.</summary>
public abstract class StoreLookupTests(ApiFixture api)
{
    [Fact]
    public async Task An_unknown_store_is_401_and_after_the_first_request_costs_no_query()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(UnknownStoreCache(ms: 60_000), queries.Services);
        var hash = TestStore.NewHash();
        var v2 = TestStore.Client(factory, "made-up-token", $"http://localhost/stores/{hash}/v2/");
        var v3 = TestStore.Client(factory, "made-up-token", $"http://localhost/stores/{hash}/v3/");
        var before = queries.Count;

        await (await v2.GetAsync("customers")).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
        var afterFirst = queries.Count;
        for (var i = 0; i < 10; i++)
        {
            await (await v2.GetAsync("customers/count")).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
            await (await v2.PostJsonAsync("customers", new { first_name = "Jane", last_name = "Doe", email = "j@example.com" }))
                .ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
            await (await v3.GetAsync("customers/attributes")).ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        }

        (afterFirst - before).ShouldBe(1, "the first request looks the store up");
        queries.Count.ShouldBe(afterFirst, "later requests find the miss in the cache");
    }

    [Fact]
    public async Task A_wrong_token_for_a_store_already_seen_is_401_without_a_query()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?>(), queries.Services);
        var store = await TestStore.NewOnAsync(factory);
        (await store.V2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = queries.Count;

        for (var i = 0; i < 10; i++)
        {
            await (await store.V2With("wrong-token").GetAsync("customers/count")).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
            await (await store.V3With(store.Token + "x").GetAsync("customers/attributes")).ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        }

        queries.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_hash_longer_than_any_store_hash_is_401_without_a_query()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(UnknownStoreCache(ms: 0), queries.Services);
        var client = TestStore.Client(factory, "made-up-token", $"http://localhost/stores/{new string('h', 65)}/v2/");
        var before = queries.Count;

        await (await client.GetAsync("customers")).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);

        queries.Count.ShouldBe(before);
    }

    [Fact]
    public async Task The_cache_of_unknown_stores_keeps_no_more_than_its_size()
    {
        var queries = new QueryCounter();
        var settings = UnknownStoreCache(ms: 60_000);
        settings["Auth:UnknownStoreCacheEntries"] = "2";
        await using var factory = await api.NewFactoryAsync(settings, queries.Services);
        var client = TestStore.Client(factory, "made-up-token", "http://localhost/");
        var hashes = Enumerable.Range(0, 5).Select(_ => TestStore.NewHash()).ToList();
        foreach (var hash in hashes)
        {
            (await client.GetAsync($"stores/{hash}/v2/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var before = queries.Count;
        foreach (var hash in hashes)
        {
            (await client.GetAsync($"stores/{hash}/v2/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (queries.Count - before).ShouldBeGreaterThanOrEqualTo(3, "at most 2 of the 5 misses can be remembered");
    }

    [Fact]
    public async Task A_store_created_after_its_hash_was_refused_is_found_once_the_cache_time_has_passed()
    {
        var cacheTime = TimeSpan.FromSeconds(1);
        await using var factory = await api.NewFactoryAsync(UnknownStoreCache(ms: (int)cacheTime.TotalMilliseconds));
        var hash = TestStore.NewHash();
        var clock = Stopwatch.StartNew();
        (await TestStore.Client(factory, "made-up-token", $"http://localhost/stores/{hash}/v2/").GetAsync("customers/count"))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refusedBy = clock.Elapsed; // the miss was cached between 0 and now
        var store = await TestStore.CreateOnAsync(factory, hash);

        while (true)
        {
            var sent = clock.Elapsed;
            var response = await store.V2.GetAsync("customers/count");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                clock.Elapsed.ShouldBeGreaterThanOrEqualTo(cacheTime, "the miss is remembered for the cache time");
                break;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            sent.ShouldBeLessThan(refusedBy + cacheTime + TimeSpan.FromSeconds(2), "the store is still not found long after the cache time");
            await Task.Delay(50);
        }
    }

    private static Dictionary<string, string?> UnknownStoreCache(int ms) =>
        new() { ["Auth:UnknownStoreCacheMs"] = ms.ToString(CultureInfo.InvariantCulture) };
}

public sealed class StoreLookupTests_Sqlite(SqliteApi api) : StoreLookupTests(api), IClassFixture<SqliteApi>;

public sealed class StoreLookupTests_Postgres(PostgresApi api) : StoreLookupTests(api), IClassFixture<PostgresApi>;
