using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Snapshots;

/// <summary>
/// Resets and restores racing creates. V2 creates (on PostgreSQL one statement that takes no store lock) and V3 creates
/// with an address (which take the store's lock first) run while the store is reset again and again: none may fail, no
/// id may be handed out twice, the counts must agree with the lists, and what is left was made after the last reset,
/// from id 1. And creates of the emails a restore brings, racing it, must never give one of them to a second customer.
/// </summary>
public abstract class ResetAndRestoreRaceTests(ApiFixture api)
{
    private const int Creators = 8;
    private const int CreatesEach = 40;

    [Fact]
    public async Task Creates_racing_resets_all_succeed_share_no_id_and_leave_counts_that_agree_with_the_lists()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var store = new TestStore(await api.FactoryAsync(), hash, token);
        await store.CreateCustomerAsync("warm-up@example.com"); // the first calls of a route are slow; the race needs them fast
        (await store.V3.PostJsonAsync("customers", new[] { V3Customer("warm-up-3@example.com") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var answers = new ConcurrentBag<(string Call, HttpStatusCode Status, string Body)>();
        var created = 0;

        var creators = Task.WhenAll(Enumerable.Range(0, Creators).Select(creator => Task.Run(async () =>
        {
            for (var i = 0; i < CreatesEach; i++)
            {
                var email = $"racer{creator}-{i}@example.com";
                var (call, response) = (creator + i) % 2 == 0
                    ? ("v2 create", await store.V2.PostJsonAsync("customers", new { first_name = "Race", last_name = "Two", email }))
                    : ("v3 create", await store.V3.PostJsonAsync("customers", new[] { V3Customer(email) }));
                answers.Add((call, response.StatusCode, await response.Content.ReadAsStringAsync()));
                Interlocked.Increment(ref created);
            }
        })));

        // Resets among the first three quarters of the creates; the rest land after the last one, from id 1 on.
        var resets = 0;
        while (!creators.IsCompleted && Volatile.Read(ref created) < Creators * CreatesEach * 3 / 4)
        {
            var response = await admin.ResetAsync(hash);
            answers.Add(("reset", response.StatusCode, await response.Content.ReadAsStringAsync()));
            resets++;
        }

        await creators;
        resets.ShouldBeGreaterThan(2, "the resets must run among the creates");
        answers.Where(a => a.Call == "reset").ShouldAllBe(a => a.Status == HttpStatusCode.NoContent);
        answers.Where(a => a.Call == "v2 create").ShouldAllBe(a => a.Status == HttpStatusCode.Created);
        answers.Where(a => a.Call == "v3 create").ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        var ids = await AllCustomerIdsAsync(store);
        ids.Order().ShouldBe(Enumerable.Range(1, ids.Count), "every customer left was created after the last reset, so from 1 on, once each");
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(ids.Count);
        var v3 = await (await store.V3.GetAsync("customers?limit=1")).ShouldBeAsync(HttpStatusCode.OK);
        v3.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(ids.Count);
        var addresses = (await (await store.V3.GetAsync("customers/addresses?limit=250")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        addresses.Select(a => a.GetProperty("id").GetInt32()).Order().ShouldBe(Enumerable.Range(1, addresses.Length));
        addresses.ShouldAllBe(a => ids.Contains(a.GetProperty("customer_id").GetInt32()));

        (await admin.ResetAsync(hash)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.CreateCustomerAsync("after-the-race@example.com")).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Creates_racing_restores_never_give_an_email_restored_to_a_second_customer()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var store = new TestStore(await api.FactoryAsync(), hash, token);
        string[] snapshots = [Snapshot("a"), Snapshot("b")];
        (await admin.RestoreAsync(hash, snapshots[1])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var answers = new ConcurrentBag<HttpStatusCode>();
        var restoring = true;

        // The creates ask for the emails of both snapshots, so while one is restored over the other each create's email is
        // taken either by what was there or by what comes.
        var creators = Task.WhenAll(Enumerable.Range(0, Creators).Select(creator => Task.Run(async () =>
        {
            for (var i = creator / 2; Volatile.Read(ref restoring); i += Creators / 2)
            {
                var email = $"{"ab"[creator % 2]}{i % RestoredCustomers}@example.com";
                answers.Add((await store.V2.PostJsonAsync("customers", new { first_name = "Race", last_name = "Two", email })).StatusCode);
            }
        })));
        for (var i = 0; i < 10 && !creators.IsCompleted; i++)
        {
            (await admin.RestoreAsync(hash, snapshots[i % 2])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        Volatile.Write(ref restoring, false);
        await creators;

        answers.ShouldAllBe(status => status == HttpStatusCode.Created || status == HttpStatusCode.Conflict);
        answers.ShouldContain(HttpStatusCode.Created);
        var customers = await AllCustomersAsync(store);
        customers.Select(c => c.GetProperty("email").GetString()!.ToUpperInvariant()).ShouldBeUnique();
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(customers.Count);
    }

    private const int RestoredCustomers = 500;

    /// <summary>A snapshot of <see cref="RestoredCustomers"/> customers whose emails start with <paramref name="prefix"/>.</summary>
    private static string Snapshot(string prefix) => JsonSerializer.Serialize(new
    {
        format_version = 1,
        customers = Enumerable.Range(0, RestoredCustomers).Select(i => new { id = i + 1, first_name = "Re", last_name = "Stored", email = $"{prefix}{i}@example.com" }),
    });

    private static object V3Customer(string email) => new
    {
        first_name = "Race", last_name = "Three", email,
        addresses = new[] { new { first_name = "Race", last_name = "Three", address1 = "1 Main St", city = "Austin", country_code = "US" } },
    };

    private static async Task<List<int>> AllCustomerIdsAsync(TestStore store) =>
        [.. (await AllCustomersAsync(store)).Select(c => c.GetProperty("id").GetInt32())];

    private static async Task<List<JsonElement>> AllCustomersAsync(TestStore store)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await store.V2.GetAsync($"customers?limit=250&page={page}");
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return all;
            }

            var customers = await response.ShouldBeAsync(HttpStatusCode.OK);
            all.AddRange(customers.EnumerateArray());
            if (customers.GetArrayLength() < 250)
            {
                return all;
            }
        }
    }
}

public sealed class ResetAndRestoreRaceTests_Sqlite(SqliteApi api) : ResetAndRestoreRaceTests(api), IClassFixture<SqliteApi>;

public sealed class ResetAndRestoreRaceTests_Postgres(PostgresApi api) : ResetAndRestoreRaceTests(api), IClassFixture<PostgresApi>;
