using System.Globalization;
using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// EF Core's migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, deleted only by the process that wrote it.
/// A start killed while holding it leaves the row behind; the next start must still come up. (PostgreSQL's lock is a
/// session advisory lock, which dies with the connection: nothing is left behind there, so this is SQLite's alone.)
/// </summary>
public sealed class SqliteStartAfterCrashTests : IDisposable
{
    private readonly string _file = TempFiles.NewPath("lock", ".db");
    private readonly string _hash = "lock" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _token = Guid.NewGuid().ToString("N");

    private string Connection => $"Data Source={_file}";

    [Fact]
    public async Task A_start_killed_holding_the_migration_lock_does_not_stop_the_next_start()
    {
        await using (var first = await ServiceProcess.StartAsync(StorageProvider.Sqlite, Connection, _hash, _token))
        {
            await first.KillAsync();
        }

        await LeaveLockAsync(DateTimeOffset.UtcNow); // as a start killed a moment ago, with nothing left to migrate, leaves it

        await using var next = await ServiceProcess.StartAsync(StorageProvider.Sqlite, Connection, _hash, _token);
        await ShouldTakeCustomersAsync(next);
    }

    [Fact]
    public async Task A_lock_left_by_a_start_killed_before_migrating_does_not_stop_a_later_start_from_migrating()
    {
        await LeaveLockAsync(DateTimeOffset.UtcNow - SqliteMigrationLock.StaleAfter - TimeSpan.FromMinutes(1));

        await using var next = await ServiceProcess.StartAsync(StorageProvider.Sqlite, Connection, _hash, _token);
        await ShouldTakeCustomersAsync(next);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    /// <summary>The lock table as EF Core creates it, holding the row of a lock taken at <paramref name="takenAt"/>.</summary>
    private async Task LeaveLockAsync(DateTimeOffset takenAt)
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, $takenAt);
            """;
        command.Parameters.AddWithValue("$takenAt", takenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ShouldTakeCustomersAsync(ServiceProcess service)
    {
        using var v2 = service.Client("v2");
        var created = await v2.PostJsonAsync("customers", new { first_name = "Back", last_name = "Again", email = "back@example.com" });
        (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("email").GetString().ShouldBe("back@example.com");
    }
}
