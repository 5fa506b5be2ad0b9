using System.Globalization;
using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.Reliability;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerApi.Tests.Service;

/// <summary>
/// What the service logs: a write refused for a taken email (409) is an answer, not a failure, so it is not logged as an
/// error with a stack trace; and the service started from any folder keeps its own settings, SQL statements unlogged.
/// </summary>
public abstract class LoggingTests(ApiFixture api)
{
    private const int Racers = 20;

    [Fact]
    public async Task Racing_moves_to_one_email_are_one_200_and_409s_and_log_nothing_as_an_error()
    {
        var logs = new CapturedLogs();
        await using var own = await OwnApi.StartAsync(api.Provider, configure: web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug))));
        var store = await own.NewStoreAsync();

        // Racing moves of customers to one email, released together. Emails are unique per channel, which no index can
        // hold, so each move locks the email before it checks it (EmailClaims): one wins, the others see it taken. What EF
        // does log of a refused write (SaveChangesFailed, CommandError) is at Debug, never an error.
        for (var round = 1; round <= 3; round++)
        {
            var ids = new List<int>();
            for (var i = 0; i < Racers; i++)
            {
                ids.Add((await store.CreateCustomerAsync(string.Create(CultureInfo.InvariantCulture, $"r{round}-{i}@example.com"))).GetProperty("id").GetInt32());
            }

            var line = new StartingLine(Racers);
            line.GoAfter(TimeSpan.FromSeconds(30));
            var email = string.Create(CultureInfo.InvariantCulture, $"race{round}@example.com");
            var statuses = (await Task.WhenAll(ids.Select(id => store.V2.PutAsync($"customers/{id}", line.Json(new { email }))))).Select(r => r.StatusCode).ToList();
            statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
            statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(Racers - 1);
        }

        var clashes = logs.Entries.Where(e => e.EventId.Id == CoreEventId.SaveChangesFailed.Id || e.EventId.Id == RelationalEventId.CommandError.Id).ToList();
        clashes.ShouldAllBe(e => e.Level == LogLevel.Debug);
        logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_settings_and_logs_no_SQL_and_no_failure_for_a_409()
    {
        var elsewhere = Directory.CreateDirectory(TempFiles.NewPath("elsewhere"));
        var sqliteFile = Path.Combine(elsewhere.FullName, "elsewhere.db");
        var connection = api.Provider == StorageProvider.Postgres ? await PostgresServer.NewDatabaseAsync() : $"Data Source={sqliteFile}";
        try
        {
            await using var service = await ServiceProcess.StartAsync(api.Provider, connection, "elsewhere", "elsewhere-token",
                workingDirectory: elsewhere.FullName, ownLogging: true);
            using var v2 = service.Client("v2");

            foreach (var email in new[] { "a@example.com", "b@example.com", "c@example.com" })
            {
                (await RaceAsync(v2, email)).Count(s => s == HttpStatusCode.Conflict).ShouldBe(Racers - 1);
            }

            (await v2.GetFromJsonCountAsync()).ShouldBe(3);

            var output = service.RecentOutput.Split('\n');
            output.ShouldContain(line => line.Contains("Content root path: " + AppContext.BaseDirectory, StringComparison.Ordinal), service.RecentOutput);
            output.Where(line => line.StartsWith("info: Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ShouldBeEmpty(service.RecentOutput);
            output.Where(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
                .ShouldBeEmpty(service.RecentOutput);
            Directory.GetFiles(elsewhere.FullName).Where(f => !f.StartsWith(sqliteFile, StringComparison.Ordinal)).ShouldBeEmpty();
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary>Creates of one email by <see cref="Racers"/> requests whose bodies are released together; their statuses.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(HttpClient v2, string email)
    {
        var line = new StartingLine(Racers);
        line.GoAfter(TimeSpan.FromSeconds(30));
        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ =>
            v2.PostAsync("customers", line.Json(new { first_name = "R", last_name = "R", email }))));
        return [.. responses.Select(r => r.StatusCode)];
    }
}

public sealed class LoggingTests_Sqlite(SqliteApi api) : LoggingTests(api), IClassFixture<SqliteApi>;

public sealed class LoggingTests_Postgres(PostgresApi api) : LoggingTests(api), IClassFixture<PostgresApi>;
