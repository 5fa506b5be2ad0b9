using CustomerApi.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>
/// Two instances of the service on one new database (PostgreSQL, or one SQLite file) and a store seen through each:
/// what a deployment with two replicas looks like.
/// </summary>
public sealed class ServicePair : IAsyncDisposable
{
    private readonly string _sqliteFile;

    private ServicePair(TestStore a, TestStore b, string sqliteFile) => (A, B, _sqliteFile) = (a, b, sqliteFile);

    public TestStore A { get; }
    public TestStore B { get; }

    public static async Task<ServicePair> StartAsync(StorageProvider provider)
    {
        var sqliteFile = TempFiles.NewPath("pair", ".db");
        var connection = provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={sqliteFile}";
        var first = new ApiFactory(provider, Replica(provider, connection, "a"));
        _ = first.Server; // migrates; the second then finds the schema in place
        var second = new ApiFactory(provider, Replica(provider, connection, "b"));
        _ = second.Server;

        var a = await TestStore.NewOnAsync(first);
        return new ServicePair(a, new TestStore(second, a.Hash, a.Token), sqliteFile);
    }

    /// <summary>
    /// Two processes would each have their own connection pool; in this one process, a distinct connection string gives
    /// each its own. Npgsql's default 15 s timeout replaces the test server's 2 s start-up probe timeout: opening 30
    /// connections at once on a busy machine may take longer than that, which is not what these tests are about.
    /// </summary>
    private static string Replica(StorageProvider provider, string connection, string name) => provider == StorageProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(connection) { ApplicationName = $"customerapi-replica-{name}", Timeout = 15 }.ConnectionString
        : connection;

    public async ValueTask DisposeAsync()
    {
        await A.Factory.DisposeAsync();
        await B.Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }
    }
}
