using System.Net;
using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Reliability;

/// <summary>What the crash left behind: acknowledged writes that are missing (lost), and anything half-written or inconsistent (broken).</summary>
public sealed class CrashVerdict
{
    public List<string> Lost { get; } = [];
    public List<string> Broken { get; } = [];
}

/// <summary>The crash test's checks, on the database the killed service left behind and through the restarted service.</summary>
public static class CrashChecks
{
    private const int PageSize = 250;

    /// <summary>With the service dead: the file is sound (SQLite), the store's id counters are not behind its rows and its customer count is theirs.</summary>
    public static async Task OnDiskAsync(StorageProvider provider, string connection, string storeHash, CrashVerdict verdict)
    {
        if (provider == StorageProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(connection);
            await sqlite.OpenAsync();
            var integrity = await RowsAsync(sqlite, "PRAGMA integrity_check");
            if (integrity is not ["ok"])
            {
                verdict.Broken.Add($"integrity_check: {string.Join("; ", integrity)}");
            }

            if (await RowsAsync(sqlite, "PRAGMA foreign_key_check") is { Count: > 0 } orphans)
            {
                verdict.Broken.Add($"foreign_key_check: {string.Join("; ", orphans)}");
            }
        }

        await using var services = Storage(provider, connection);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Hash == storeHash);
        var lastCustomer = await db.Customers.Where(c => c.StoreId == store.Id).MaxAsync(c => (int?)c.Id) ?? 0;
        var customers = await db.Customers.CountAsync(c => c.StoreId == store.Id);
        var counted = await db.CustomerCountShards.Where(c => c.StoreId == store.Id).SumAsync(c => c.Count);
        if (counted != customers)
        {
            verdict.Broken.Add($"the store's customer count is {counted}, it holds {customers} customers");
        }

        var lastValue = await db.CustomerAttributeValues.Where(v => v.StoreId == store.Id).MaxAsync(v => (int?)v.Id) ?? 0;
        var customerIds = db.Database.IsNpgsql() // PostgreSQL takes customer ids from the store's sequence
            ? (await db.Database.SqlQuery<int>(
                $"SELECT COALESCE(last_value, start_value - 1)::int AS \"Value\" FROM pg_sequences WHERE sequencename = {"customer_ids_" + store.Id}").ToListAsync()).Single()
            : store.LastCustomerId;
        if (customerIds < lastCustomer || store.LastAttributeValueId < lastValue)
        {
            verdict.Broken.Add($"id counters behind the rows: customers {customerIds} < {lastCustomer} or values {store.LastAttributeValueId} < {lastValue}");
        }

        var emails = await db.Customers.Where(c => c.StoreId == store.Id).Select(c => new { c.Id, c.Email, c.EmailKey }).ToListAsync();
        verdict.Broken.AddRange(emails.Where(c => c.EmailKey != MatchKey.Of(c.Email)).Select(c => $"customer {c.Id}: email_key '{c.EmailKey}' for '{c.Email}'"));
    }

    /// <summary>Through the restarted service: every customer and value the load wrote, against what it was told.</summary>
    public static async Task ThroughHttpAsync(HttpClient v2, HttpClient v3, CrashLoad load, CrashVerdict verdict)
    {
        var customers = (await AllCustomersAsync(v2)).ToDictionary(c => c.GetProperty("email").GetString()!);
        var values = (await AllValuesAsync(v3)).ToLookup(v => v.GetProperty("customer_id").GetInt32());
        var present = new HashSet<int>();
        foreach (var history in load.Customers)
        {
            var row = customers.GetValueOrDefault(history.Created.Email);
            if (row.ValueKind == JsonValueKind.Undefined)
            {
                if (history.CreateOutcome == WriteOutcome.Acked)
                {
                    verdict.Lost.Add($"customer {history.Id} ({history.Created.Email}) was created (201) but is gone");
                }

                continue;
            }

            var id = row.GetProperty("id").GetInt32();
            present.Add(id);
            CheckCustomer(history, id, CustomerFields.Read(row), verdict);
            CheckValues(history, id, [.. values[id]], load.AttributeIds, verdict);
            await CheckPasswordAsync(v2, history, id, verdict);
        }

        var known = load.Customers.Select(h => h.Created.Email).ToHashSet();
        verdict.Broken.AddRange(customers.Keys.Where(email => !known.Contains(email)).Select(email => $"customer {email} was never sent"));
        verdict.Broken.AddRange(values.Where(v => !present.Contains(v.Key)).Select(v => $"values of customer {v.Key}, who is not there"));
        ShouldBeDistinct("customer ids", [.. customers.Values.Select(c => c.GetProperty("id").GetInt32())], verdict);
        if (await v2.GetFromJsonCountAsync() is var counted && counted != customers.Count)
        {
            verdict.Broken.Add($"customers/count says {counted}, the list holds {customers.Count}");
        }

        ShouldCount("attribute value ids", [.. values.SelectMany(v => v).Select(v => v.GetProperty("id").GetInt32())], verdict);
    }

    /// <summary>
    /// The store takes new writes after the restart, with the ids that come next: the next attribute values', and a
    /// customer id past the last (a create killed after it took its id leaves a gap, as an auto-increment does).
    /// </summary>
    public static async Task TakesNewWritesAsync(HttpClient v2, HttpClient v3, int[] attributeIds, CrashVerdict verdict)
    {
        var lastCustomer = (await AllCustomersAsync(v2)).Select(c => c.GetProperty("id").GetInt32()).DefaultIfEmpty().Max();
        var lastValue = (await AllValuesAsync(v3)).Select(v => v.GetProperty("id").GetInt32()).DefaultIfEmpty().Max();

        var created = await v2.PostJsonAsync("customers", new { first_name = "After", last_name = "Restart", email = "after.restart@crash.example.com" });
        if (created.StatusCode != HttpStatusCode.Created)
        {
            verdict.Broken.Add($"a new customer after the restart: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            return;
        }

        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var upserted = await v3.PutJsonAsync("customers/attribute-values",
            attributeIds.Select(attribute => new { customer_id = id, attribute_id = attribute, value = "after" }).ToArray());
        if (upserted.StatusCode != HttpStatusCode.OK)
        {
            verdict.Broken.Add($"new values after the restart: {(int)upserted.StatusCode} {await upserted.Content.ReadAsStringAsync()}");
            return;
        }

        var valueIds = (await upserted.JsonAsync()).Data().Select(v => v.GetProperty("id").GetInt32()).Order().ToArray();
        if (id <= lastCustomer || !valueIds.SequenceEqual(Enumerable.Range(lastValue + 1, attributeIds.Length)))
        {
            verdict.Broken.Add($"after the restart customer {id} (last was {lastCustomer}), values {string.Join(",", valueIds)} (last was {lastValue})");
        }
    }

    private static void CheckCustomer(CustomerHistory history, int id, CustomerFields actual, CrashVerdict verdict)
    {
        switch (history.CreateOutcome)
        {
            case WriteOutcome.Acked when id != history.Id:
                verdict.Lost.Add($"customer {history.Created.Email} was created as {history.Id} but is {id}");
                break;
            case WriteOutcome.Acked when !history.AllowedFields().Contains(actual):
                verdict.Lost.Add($"customer {id} reads {actual}, acknowledged was {history.AllowedFields().First()}");
                break;
            case WriteOutcome.Unknown when actual != history.Created:
                verdict.Broken.Add($"customer {id}, created as the service died, reads {actual}, sent was {history.Created}");
                break;
            case WriteOutcome.Refused:
                verdict.Broken.Add($"customer {id} was refused but exists");
                break;
        }
    }

    /// <summary>A customer's values are one whole batch, the last acknowledged one or the one in flight; ids stay as first given.</summary>
    private static void CheckValues(CustomerHistory history, int id, JsonElement[] values, int[] attributeIds, CrashVerdict verdict)
    {
        var markers = values.Select(v => v.GetProperty("attribute_value").GetString()).Distinct().ToArray();
        var attributes = values.Select(v => v.GetProperty("attribute_id").GetInt32()).Order().ToArray();
        if (values.Length > 0 && (markers.Length != 1 || !attributes.SequenceEqual(attributeIds.Order())))
        {
            verdict.Broken.Add($"customer {id} holds a half-written batch: {values.Length} values, markers {string.Join(",", markers)}");
            return;
        }

        var marker = markers.SingleOrDefault();
        if (!history.AllowedMarkers().Contains(marker))
        {
            var acked = history.AllowedMarkers().First();
            (acked is null ? verdict.Broken : verdict.Lost).Add($"customer {id}'s values are batch {marker ?? "none"}, acknowledged was {acked ?? "none"}");
        }

        var first = history.Batches.FirstOrDefault(b => b.Outcome == WriteOutcome.Acked);
        var ids = values.OrderBy(v => v.GetProperty("attribute_id").GetInt32()).Select(v => v.GetProperty("id").GetInt32());
        if (first is not null && values.Length > 0 && !ids.SequenceEqual(first.AnsweredIds))
        {
            verdict.Broken.Add($"customer {id}'s values changed ids: {string.Join(",", ids)}, answered {string.Join(",", first.AnsweredIds)}");
        }
    }

    private static async Task CheckPasswordAsync(HttpClient v2, CustomerHistory history, int id, CrashVerdict verdict)
    {
        var response = await v2.PostJsonAsync($"customers/{id}/validate", new { password = history.Password ?? "Crash0word0" });
        var valid = (await response.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("success").GetBoolean();
        if (valid != (history.Password is not null))
        {
            (history.CreateOutcome == WriteOutcome.Acked ? verdict.Lost : verdict.Broken).Add($"customer {id}'s password check says {valid}");
        }
    }

    /// <summary>Ids are 1, 2, 3, ... with no gap and no repeat: a rolled-back write gives its ids back.</summary>
    /// <summary>
    /// Customer ids need not run 1 to N: a create killed after it took its id leaves a gap, as an auto-increment does
    /// (issue 12). They must still be distinct and from 1.
    /// </summary>
    private static void ShouldBeDistinct(string what, int[] ids, CrashVerdict verdict)
    {
        if (ids.Distinct().Count() != ids.Length || ids.Any(id => id < 1))
        {
            verdict.Broken.Add($"{what} are not distinct positive ids: {string.Join(",", ids.Order())}");
        }
    }

    private static void ShouldCount(string what, int[] ids, CrashVerdict verdict)
    {
        if (!ids.Order().SequenceEqual(Enumerable.Range(1, ids.Length)))
        {
            verdict.Broken.Add($"{what} are not 1 to {ids.Length}: {string.Join(",", ids.Order())}");
        }
    }

    private static async Task<List<JsonElement>> AllCustomersAsync(HttpClient v2)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await v2.GetAsync($"customers?limit={PageSize}&page={page}");
            JsonElement[] items = response.StatusCode == HttpStatusCode.NoContent ? [] : [.. (await response.ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray()];
            all.AddRange(items);
            if (items.Length < PageSize)
            {
                return all;
            }
        }
    }

    private static async Task<List<JsonElement>> AllValuesAsync(HttpClient v3)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var items = (await (await v3.GetAsync($"customers/attribute-values?limit={PageSize}&page={page}")).ShouldBeAsync(HttpStatusCode.OK)).Data();
            all.AddRange(items);
            if (items.Length < PageSize)
            {
                return all;
            }
        }
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        return rows;
    }

    /// <summary>The service's own storage set-up, outside the service, to look at the database directly.</summary>
    private static ServiceProvider Storage(StorageProvider provider, string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{provider}"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }
}
