using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerApi.Tests.Service;

/// <summary>
/// What the service logs: a unique-key clash answered with 409 is an answer, not a failure, so it is not logged as an
/// error with a stack trace.
/// </summary>
public abstract class LoggingTests(ApiFixture api)
{
    private const int Racers = 20;

    [Fact]
    public async Task A_unique_key_clash_answered_409_is_logged_at_debug_not_as_an_error()
    {
        var logs = new CapturedLogs();
        await using var own = await OwnApi.StartAsync(api.Provider, configure: web => web.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug))));
        var store = await own.NewStoreAsync();

        // Racing creates of one email: those past the pre-check meet the unique index. Race again until one has.
        for (var round = 1; round <= 10 && !logs.Entries.Any(e => e.EventId.Id == CoreEventId.SaveChangesFailed.Id); round++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"race{round}@example.com");
            var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ =>
                store.V2.PostJsonAsync("customers", new { first_name = "R", last_name = "R", email })));
            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
            responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(Racers - 1);
        }

        var clashes = logs.Entries.Where(e => e.EventId.Id == CoreEventId.SaveChangesFailed.Id || e.EventId.Id == RelationalEventId.CommandError.Id).ToList();
        clashes.ShouldNotBeEmpty("a racing create reached the unique index");
        clashes.ShouldAllBe(e => e.Level == LogLevel.Debug);
        logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
    }
}

public sealed class LoggingTests_Sqlite(SqliteApi api) : LoggingTests(api), IClassFixture<SqliteApi>;

public sealed class LoggingTests_Postgres(PostgresApi api) : LoggingTests(api), IClassFixture<PostgresApi>;
