using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// A database that cannot take a request now (PostgreSQL's pool has no free connection in time; SQLite's file stays
/// locked past the busy timeout) is answered 503 with <c>Retry-After</c> in the version's error body, never 500, and
/// nothing is written; once the database is free again the same request succeeds.
/// </summary>
public sealed class OverloadTests_Postgres
{
    [Fact]
    public async Task An_exhausted_connection_pool_is_503_with_retry_after_and_the_service_recovers()
    {
        var database = await PostgresServer.NewDatabaseAsync();
        var onePooledConnection = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString;
        await using var factory = new ApiFactory(StorageProvider.Postgres, onePooledConnection);
        var store = await TestStore.NewOnAsync(factory);
        await store.CreateCustomerAsync("before@example.com"); // the token is cached: later requests go straight to the handler

        // Another client holds the store's row: the next create waits for it on the service's only pooled connection.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT 1 FROM stores WHERE hash = '{store.Hash}' FOR UPDATE", holder, holding))
        {
            await take.ExecuteNonQueryAsync();
        }

        var waiting = store.V2.PostJsonAsync("customers", new { first_name = "W", last_name = "W", email = "waiting@example.com" });
        await Task.Delay(300);
        var v2 = await store.V2.GetAsync("customers/count?email=before@example.com");
        var v3 = await store.V3.GetAsync("customers/attributes");

        await Overload.ShouldBe503Async(v2);
        await Overload.ShouldBe503Async(v3);
        await holding.RollbackAsync();
        (await waiting).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }
}

public sealed class OverloadTests_Sqlite
{
    [Fact]
    public async Task A_file_locked_past_the_busy_timeout_is_503_with_retry_after_and_nothing_is_written()
    {
        var file = TempFiles.NewPath("busy", ".db");
        try
        {
            await using (var factory = new ApiFactory(StorageProvider.Sqlite, $"Data Source={file};Default Timeout=1"))
            {
                var store = await TestStore.NewOnAsync(factory);
                await store.CreateCustomerAsync("before@example.com");

                await using (var holder = new SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    await holder.OpenAsync();
                    await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", holder))
                    {
                        await begin.ExecuteNonQueryAsync(); // the file's write lock, until the connection closes
                    }

                    var v2 = await store.V2.PostJsonAsync("customers", new { first_name = "B", last_name = "B", email = "busy@example.com" });
                    var v3 = await store.V3.PostJsonAsync("customers/attributes", new[] { new { name = "Busy", type = "string" } });

                    await Overload.ShouldBe503Async(v2);
                    await Overload.ShouldBe503Async(v3);
                }

                (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
                (await store.V2.PostJsonAsync("customers", new { first_name = "B", last_name = "B", email = "busy@example.com" }))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}

internal static class Overload
{
    /// <summary>503 in the version's BigCommerce body, with <c>Retry-After</c> in seconds.</summary>
    public static async Task ShouldBe503Async(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        ErrorFormat.Problem(response, body, expected: 503).ShouldBeNull(body);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(1));
    }
}
