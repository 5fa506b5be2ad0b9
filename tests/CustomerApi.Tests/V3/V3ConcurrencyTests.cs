using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Npgsql;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Races on one store: upserts of one (customer, attribute) pair, creates against the 50-attribute limit and against
/// one name, within one service and across two services sharing a database. Every request gets a proper answer
/// (never 500, never 409) and the store ends in a state one serial order of the acknowledged requests explains.
/// </summary>
public abstract class V3ConcurrencyTests(ApiFixture api)
{
    private const int Racers = 20;

    [Fact]
    public async Task Concurrent_upserts_of_one_pair_all_succeed_and_leave_exactly_one_value_of_those_sent()
    {
        var store = await RaceStoreAsync();
        var (customerId, attributeId) = await CustomerAndAttributeAsync(store);
        var sent = Enumerable.Range(1, Racers).Select(i => $"value-{i}").ToArray();

        var responses = await Task.WhenAll(sent.Select(value => Upsert(store.V3, customerId, attributeId, value)));

        await ShouldAllBeOkAsync(responses);
        await ShouldHoldOneValueOfAsync(store, customerId, attributeId, sent, responses);
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_pair_through_two_services_on_one_database_leave_exactly_one_value()
    {
        await using var pair = await ServicePair.StartAsync(api.Provider);
        var (a, b) = (pair.A, pair.B);
        var (customerId, attributeId) = await CustomerAndAttributeAsync(a);
        await b.V3.GetAsync(ValuesUrl); // B caches the store's tokens before the race, as A already has
        var sent = Enumerable.Range(1, Racers).Select(i => $"value-{i}").ToArray();

        var responses = await Task.WhenAll(sent.Select((value, i) => Upsert((i % 2 == 0 ? a : b).V3, customerId, attributeId, value)));

        await ShouldAllBeOkAsync(responses);
        await ShouldHoldOneValueOfAsync(a, customerId, attributeId, sent, responses);
        (await b.SnapshotAsync()).ShouldBe(await a.SnapshotAsync());
    }

    [Fact]
    public async Task Sixty_concurrent_attribute_creates_through_two_services_give_exactly_50_with_ids_1_to_50_and_ten_422s()
    {
        await using var pair = await ServicePair.StartAsync(api.Provider);
        var (a, b) = (pair.A, pair.B);
        await a.V3.GetAsync(AttributesUrl);
        await b.V3.GetAsync(AttributesUrl);

        // 30 a service: each has its own pool of 50 connections, so no request waits for a connection, only for the lock.
        var responses = await Task.WhenAll(Enumerable.Range(1, 60).Select(i =>
            (i % 2 == 0 ? a : b).V3.PostJsonAsync(AttributesUrl, new[] { new { name = $"Attr {i}", type = "string" } })));

        await ShouldBeFiftyCreatedAndTenRefusedAsync(a, responses);
    }

    [Fact]
    public async Task Sixty_concurrent_attribute_creates_give_exactly_50_with_ids_1_to_50_and_ten_422s()
    {
        var store = await RaceStoreAsync();
        await store.V3.GetAsync(AttributesUrl);

        var responses = await Task.WhenAll(Enumerable.Range(1, 60).Select(i =>
            store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = $"Attr {i}", type = "string" } })));

        await ShouldBeFiftyCreatedAndTenRefusedAsync(store, responses);
    }

    [Fact]
    public async Task Concurrent_creates_onto_a_store_with_30_attributes_fill_it_to_exactly_50()
    {
        var store = await RaceStoreAsync();
        (await store.CreateAttributesAsync([.. Enumerable.Range(1, 30).Select(i => ($"Attr {i}", "string"))])).ShouldBe(Enumerable.Range(1, 30));

        var responses = await Task.WhenAll(Enumerable.Range(31, 30).Select(i =>
            store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = $"Attr {i}", type = "string" } })));

        await ShouldBeFiftyCreatedAndTenRefusedAsync(store, responses, alreadyThere: [.. Enumerable.Range(1, 30).Select(i => $"Attr {i}")]);
    }

    [Fact]
    public async Task Concurrent_batches_racing_the_limit_are_each_all_or_nothing()
    {
        var store = await RaceStoreAsync();
        await store.V3.GetAsync(AttributesUrl);

        // Twenty batches of 3 (60 attributes): 16 fit in 50, and a batch that would cross the limit creates nothing.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(batch =>
            store.V3.PostJsonAsync(AttributesUrl, Enumerable.Range(0, 3).Select(i => new { name = $"B{batch} A{i}", type = "date" }).ToArray())));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(16, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).ShouldBe(4, string.Join(", ", statuses));
        var created = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var names = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Select(a => a.GetProperty("name").GetString()!).ToArray();
            names.Length.ShouldBe(3);
            names.Select(n => n.Split(' ')[0]).Distinct().Count().ShouldBe(1, "one batch's names");
            created.AddRange(names);
        }

        var listed = (await (await store.V3.GetAsync(AttributesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed.Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 48));
        listed.Select(a => a.GetProperty("name").GetString()!).Order().ShouldBe(created.Order());
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_give_one_200_and_the_rest_422_never_500()
    {
        var store = await RaceStoreAsync();
        await store.V3.GetAsync(AttributesUrl);
        // The same name as BigCommerce compares it: case and surrounding spaces do not make a new one.
        var spellings = Enumerable.Range(0, Racers).Select(i => (i % 4) switch { 0 => "Loyalty", 1 => "loyalty", 2 => " LOYALTY ", _ => "Loyalty  " }).ToArray();

        var responses = await Task.WhenAll(spellings.Select(name => store.V3.PostJsonAsync(AttributesUrl, new[] { new { name, type = "number" } })));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).ShouldBe(Racers - 1, string.Join(", ", statuses));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            (await refused.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors().Keys.ShouldBe(["0.name"]);
        }

        var winner = (await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBeAsync(HttpStatusCode.OK)).Data().Single();
        var listed = (await (await store.V3.GetAsync(AttributesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data().Single();
        listed.GetProperty("id").GetInt32().ShouldBe(1);
        listed.GetProperty("id").GetInt32().ShouldBe(winner.GetProperty("id").GetInt32());
        listed.GetProperty("name").GetString().ShouldBe(winner.GetProperty("name").GetString());
        listed.GetProperty("name").GetString()!.Trim().ShouldBe(listed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Concurrent_upserts_of_different_pairs_keep_every_acknowledged_value_with_unique_ids()
    {
        var store = await RaceStoreAsync();
        var customers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            customers.Add((await store.CreateCustomerAsync($"pair{i}@example.com")).GetProperty("id").GetInt32());
        }

        var attributes = await store.CreateAttributesAsync([.. Enumerable.Range(1, 8).Select(i => ($"Field {i}", "string"))]);
        var pairs = (from c in customers from a in attributes select (Customer: c, Attribute: a, Value: $"c{c}-a{a}")).ToArray();

        // One request per pair, all at once; and a second wave re-upserting half the pairs against the first.
        var first = Task.WhenAll(pairs.Select(p => Upsert(store.V3, p.Customer, p.Attribute, p.Value)));
        var responses = await first;
        await ShouldAllBeOkAsync(responses);
        var ids = new Dictionary<(int, int), int>();
        foreach (var (pair, response) in pairs.Zip(responses))
        {
            var item = (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Single();
            ids[(pair.Customer, pair.Attribute)] = item.GetProperty("id").GetInt32();
        }

        ids.Values.Distinct().Count().ShouldBe(pairs.Length);
        ids.Values.Order().ShouldBe(Enumerable.Range(1, pairs.Length));

        var second = pairs.Where((_, i) => i % 2 == 0).Select(p => p with { Value = p.Value + "-again" }).ToArray();
        var again = await Task.WhenAll(second.Select(p => Upsert(store.V3, p.Customer, p.Attribute, p.Value)));
        await ShouldAllBeOkAsync(again);

        var expected = pairs.ToDictionary(p => (p.Customer, p.Attribute), p => p.Value);
        foreach (var p in second)
        {
            expected[(p.Customer, p.Attribute)] = p.Value;
        }

        var listed = (await (await store.V3.GetAsync($"{ValuesUrl}?customer_id:in={string.Join(',', customers)}&limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed.Length.ShouldBe(pairs.Length);
        listed.Select(v => v.GetProperty("id").GetInt32()).Distinct().Count().ShouldBe(pairs.Length);
        foreach (var value in listed)
        {
            var key = (value.GetProperty("customer_id").GetInt32(), value.GetProperty("attribute_id").GetInt32());
            value.GetProperty("attribute_value").GetString().ShouldBe(expected[key], $"pair {key}");
            value.GetProperty("id").GetInt32().ShouldBe(ids[key], $"pair {key} keeps its id");
        }
    }

    [Fact]
    public async Task Concurrent_multi_pair_batches_over_the_same_customers_never_duplicate_a_pair()
    {
        var store = await RaceStoreAsync();
        var customers = new[]
        {
            (await store.CreateCustomerAsync("m1@example.com")).GetProperty("id").GetInt32(),
            (await store.CreateCustomerAsync("m2@example.com")).GetProperty("id").GetInt32(),
        };
        var attributes = await store.CreateAttributesAsync(("Colour", "string"), ("Size", "number"), ("Since", "date"));

        // Every batch writes all six pairs, so every two batches overlap completely; each one's values carry its number.
        var batches = Enumerable.Range(1, 12).Select(b =>
            (from c in customers from a in attributes select new { customer_id = c, attribute_id = a, value = ValueFor(a, attributes, b) }).ToArray()).ToArray();

        var responses = await Task.WhenAll(batches.Select(batch => store.V3.PutJsonAsync(ValuesUrl, batch)));

        await ShouldAllBeOkAsync(responses);
        var listed = (await (await store.V3.GetAsync($"{ValuesUrl}?customer_id:in={customers[0]},{customers[1]}&limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed.Select(v => (v.GetProperty("customer_id").GetInt32(), v.GetProperty("attribute_id").GetInt32())).Order()
            .ShouldBe((from c in customers from a in attributes select (c, a)).Order());
        listed.Select(v => v.GetProperty("id").GetInt32()).Order().ShouldBe(Enumerable.Range(1, 6));
        // Batches ran one after another: the last one wrote all six values, so all six carry one batch's number.
        listed.Select(v => BatchOf(v.GetProperty("attribute_value").GetString()!)).Distinct().Count().ShouldBe(1);
    }

    private static string ValueFor(int attribute, int[] attributes, int batch) =>
        Array.IndexOf(attributes, attribute) switch
        {
            0 => $"batch {batch}",
            1 => batch.ToString(CultureInfo.InvariantCulture),
            _ => $"2024-05-{batch:00}",
        };

    private static int BatchOf(string value) =>
        int.Parse(value.StartsWith("batch ", StringComparison.Ordinal) ? value[6..] : value.Length == 10 ? value[8..] : value, CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> Upsert(HttpClient v3, int customerId, int attributeId, string value) =>
        v3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = customerId, attribute_id = attributeId, value } });

    private static async Task<(int Customer, int Attribute)> CustomerAndAttributeAsync(TestStore store)
    {
        var customer = (await store.CreateCustomerAsync("race@example.com")).GetProperty("id").GetInt32();
        var attribute = (await store.CreateAttributesAsync(("Tier", "string"))).Single();
        return (customer, attribute);
    }

    private static async Task ShouldAllBeOkAsync(HttpResponseMessage[] responses)
    {
        var bad = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            bad.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        bad.ShouldBeEmpty();
    }

    /// <summary>The pair has one value, one of <paramref name="sent"/>, with the one id every answer gave it.</summary>
    private static async Task ShouldHoldOneValueOfAsync(TestStore store, int customerId, int attributeId, string[] sent, HttpResponseMessage[] responses)
    {
        var answered = new List<JsonElement>();
        foreach (var response in responses)
        {
            answered.Add((await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Single());
        }

        answered.Select(v => v.GetProperty("id").GetInt32()).Distinct().ShouldBe([1], "every upsert of the pair wrote the same row");
        answered.Select(v => v.GetProperty("attribute_value").GetString()).Order().ShouldBe(sent.Order());
        answered.Select(v => v.GetProperty("date_created").GetString()).Distinct().Count().ShouldBe(1);

        var listed = (await (await store.V3.GetAsync($"{ValuesUrl}?customer_id:in={customerId}")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        var row = listed.ShouldHaveSingleItem();
        row.GetProperty("id").GetInt32().ShouldBe(1);
        row.GetProperty("customer_id").GetInt32().ShouldBe(customerId);
        row.GetProperty("attribute_id").GetInt32().ShouldBe(attributeId);
        row.GetProperty("attribute_value").GetString().ShouldBeOneOf(sent);
        row.GetProperty("date_created").GetString().ShouldBe(answered[0].GetProperty("date_created").GetString());
    }

    /// <summary>Ten of the creates were refused for the limit, the others made the store's 50 attributes, ids 1 to 50.</summary>
    private static async Task ShouldBeFiftyCreatedAndTenRefusedAsync(TestStore store, HttpResponseMessage[] responses, string[]? alreadyThere = null)
    {
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(50 - (alreadyThere?.Length ?? 0), string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).ShouldBe(10, string.Join(", ", statuses));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            (await refused.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString()
                .ShouldBe("A store cannot have more than 50 customer attributes.");
        }

        var acknowledged = new List<string>(alreadyThere ?? []);
        foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            acknowledged.Add((await created.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().GetProperty("name").GetString()!);
        }

        var listed = (await (await store.V3.GetAsync(AttributesUrl + "?limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed.Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(1, 50));
        var names = listed.Select(a => a.GetProperty("name").GetString()!).ToArray();
        names.Distinct().Count().ShouldBe(50);
        names.Order().ShouldBe(acknowledged.Order());

        var more = await store.V3.PostJsonAsync(AttributesUrl, new[] { new { name = "One too many", type = "string" } });
        (await more.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString()
            .ShouldBe("A store cannot have more than 50 customer attributes.");
    }

    /// <summary>
    /// A store for a race. On PostgreSQL it lives in a service of this class's own whose pool holds every racer and
    /// waits Npgsql's default 15 s for a connection: the shared service's pool (50, with the test server's 2 s start-up
    /// probe timeout) turns a burst on a busy machine into "pool exhausted" 500s, which is not what these tests are about.
    /// </summary>
    private async Task<TestStore> RaceStoreAsync() =>
        api.Provider == StorageProvider.Postgres ? await TestStore.NewOnAsync(await PostgresRaceService.Value) : await api.NewStoreAsync();

    private static readonly Lazy<Task<ApiFactory>> PostgresRaceService = new(async () =>
    {
        var connection = new NpgsqlConnectionStringBuilder(await PostgresServer.NewDatabaseAsync()) { Timeout = 15, MaxPoolSize = 80 };
        var factory = new ApiFactory(StorageProvider.Postgres, connection.ConnectionString);
        _ = factory.Server;
        return factory;
    });
}

public sealed class V3ConcurrencyTests_Sqlite(SqliteApi api) : V3ConcurrencyTests(api), IClassFixture<SqliteApi>;

public sealed class V3ConcurrencyTests_Postgres(PostgresApi api) : V3ConcurrencyTests(api), IClassFixture<PostgresApi>;
