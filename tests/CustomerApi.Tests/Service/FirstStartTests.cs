using CustomerApi.Data;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerApi.Tests.Service;

/// <summary>
/// The first start on a brand-new database (an empty PostgreSQL database, a SQLite file that does not exist yet) is
/// quiet: it migrates without a failed command, so neither its log nor the database's shows an error.
/// </summary>
public abstract class FirstStartTests(ApiFixture api)
{
    [Fact]
    public async Task A_first_start_as_a_process_with_its_own_logging_writes_no_fail_or_crit_line_and_logs_requests()
    {
        var sqliteFile = TempFiles.NewPath("first", ".db");
        var connection = api.Provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={sqliteFile}";
        try
        {
            await using var service = await ServiceProcess.StartAsync(api.Provider, connection, "first", "first-token", ownLogging: true);

            // The line of the health probe that found it started, logged as appsettings.json has it (request lines are on by
            // default), comes after everything the start logged; the console writes it a moment after the answer.
            var output = await OutputUntilAsync(service, line => line.Contains("GET /health 200 in ", StringComparison.Ordinal));
            output.ShouldContain(line => line.StartsWith($"info: {RequestLogMiddleware.Category}", StringComparison.Ordinal), service.RecentOutput);
            output.Where(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
                .ShouldBeEmpty(service.RecentOutput);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }

    [Fact]
    public async Task A_first_start_runs_no_command_that_fails()
    {
        var logs = new CapturedLogs();

        await using var own = await OwnApi.StartAsync(api.Provider, configure: web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug))));

        logs.Entries.ShouldContain(e => e.EventId.Id == RelationalEventId.MigrationApplying.Id, "it migrated a new database");
        logs.Entries.Where(e => e.EventId.Id == RelationalEventId.CommandError.Id || e.Level >= LogLevel.Error)
            .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }

    /// <summary>The service's output once a line of it satisfies <paramref name="awaited"/> (or after 10 s, to fail on).</summary>
    private static async Task<string[]> OutputUntilAsync(ServiceProcess service, Func<string, bool> awaited)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var output = service.RecentOutput.Split('\n');
            if (output.Any(awaited) || DateTime.UtcNow > deadline)
            {
                output.ShouldContain(line => awaited(line), service.RecentOutput);
                return output;
            }

            await Task.Delay(50);
        }
    }
}

public sealed class FirstStartTests_Sqlite(SqliteApi api) : FirstStartTests(api), IClassFixture<SqliteApi>;

public sealed class FirstStartTests_Postgres(PostgresApi api) : FirstStartTests(api), IClassFixture<PostgresApi>;
