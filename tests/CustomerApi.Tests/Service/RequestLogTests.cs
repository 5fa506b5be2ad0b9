using System.Net;
using System.Text.RegularExpressions;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerApi.Tests.Service;

/// <summary>
/// One Information line per request, with the logging of appsettings.json as shipped (no filter of the test's own), and
/// an <c>X-Request-Id</c> on every answer. Each test runs a service of its own on the shared database, its logs captured.
/// </summary>
public abstract partial class RequestLogTests(ApiFixture api)
{
    [Fact]
    public async Task A_request_is_logged_once_with_method_path_status_time_store_and_request_id_but_not_its_query()
    {
        await using var service = await ServiceAsync();
        var (logs, store) = (service.Logs, service.Store);
        using var request = new HttpRequestMessage(HttpMethod.Get, "customers/count?email=someone%40example.com");
        request.Headers.Add(RequestLogMiddleware.HeaderName, "req-1.a_b:c");

        var response = await store.V2.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var line = (await LinesAsync(logs, "req-1.a_b:c")).ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information);
        line.Message.ShouldMatch($@"^GET /stores/{store.Hash}/v2/customers/count 200 in \d+\.\d ms, store {store.Hash}, request req-1\.a_b:c$");
        logs.Entries.ShouldNotContain(e => e.Message.Contains("someone", StringComparison.Ordinal));
        logs.Entries.ShouldNotContain(e => e.Message.Contains(store.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_path_is_logged_shortened_and_a_control_character_in_it_cannot_start_a_line_of_its_own()
    {
        await using var service = await ServiceAsync();
        var (logs, store) = (service.Logs, service.Store);
        using var longRequest = new HttpRequestMessage(HttpMethod.Get, "customers/" + new string('x', 4000));
        longRequest.Headers.Add(RequestLogMiddleware.HeaderName, "long-path");
        using var brokenRequest = new HttpRequestMessage(HttpMethod.Get, "customers/1%0Afake%0D%0Aline");
        brokenRequest.Headers.Add(RequestLogMiddleware.HeaderName, "broken-path");

        (await store.V2.SendAsync(longRequest)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.V2.SendAsync(brokenRequest)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var longLine = (await LinesAsync(logs, "long-path")).ShouldHaveSingleItem();
        longLine.Message.ShouldContain(new string('x', RequestLogMiddleware.MaxLoggedLength / 2) + "...");
        longLine.Message.Length.ShouldBeLessThan(RequestLogMiddleware.MaxLoggedLength + 200);
        var brokenLine = (await LinesAsync(logs, "broken-path")).ShouldHaveSingleItem();
        brokenLine.Message.ShouldNotContain("\n");
        brokenLine.Message.ShouldNotContain("\r");
        brokenLine.Message.ShouldContain("1?fake??line");
    }

    [Fact]
    public async Task X_Request_Id_echoes_a_sane_client_id_and_replaces_an_insane_or_missing_one()
    {
        await using var service = await ServiceAsync();
        var (logs, store) = (service.Logs, service.Store);
        var sane = new string('a', RequestLogMiddleware.MaxRequestIdLength - 36) + Guid.NewGuid();
        string[] insane = ["has spaces", "new\tline", "émile", new string('a', RequestLogMiddleware.MaxRequestIdLength + 1), "a/b", ""];

        (await IdAnsweredAsync(store.V2, sane)).ShouldBe(sane);
        var given = new List<string>();
        foreach (var id in insane.Append(null))
        {
            var answered = await IdAnsweredAsync(store.V2, id);
            answered.ShouldNotBe(id);
            SaneId().IsMatch(answered).ShouldBeTrue(answered);
            (await LinesAsync(logs, answered)).ShouldHaveSingleItem();
            given.Add(answered);
        }

        given.ShouldBeUnique();
        (await LinesAsync(logs, sane)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_401_a_404_and_a_414_are_logged_with_their_status_and_no_token_is_ever_logged()
    {
        await using var service = await ServiceAsync();
        var (logs, store) = (service.Logs, service.Store);
        var wrongToken = "wrong-" + Guid.NewGuid().ToString("N");

        var unauthorized = await store.V2With(wrongToken).GetAsync("customers");
        var notFound = await store.V2.GetAsync("nothing/here");
        var outside = await store.V2.GetAsync("/nowhere");
        var tooLong = await store.V2.GetAsync("customers?first_name=" + new string('x', 33 * 1024));

        foreach (var (response, status, storeHash) in new[]
        {
            (unauthorized, 401, store.Hash), (notFound, 404, store.Hash), (outside, 404, "-"), (tooLong, 414, store.Hash),
        })
        {
            ((int)response.StatusCode).ShouldBe(status);
            var id = response.Headers.GetValues(RequestLogMiddleware.HeaderName).ShouldHaveSingleItem();
            var line = (await LinesAsync(logs, id)).ShouldHaveSingleItem();
            line.Message.ShouldContain($" {status} in ");
            line.Message.ShouldContain($", store {storeHash}, ");
        }

        logs.Entries.ShouldNotContain(e => e.Message.Contains(wrongToken, StringComparison.Ordinal) || e.Message.Contains(store.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_of_the_address_limit_is_logged_and_carries_a_request_id()
    {
        await using var service = await ServiceAsync(new Dictionary<string, string?>
        {
            ["RateLimit:PerAddress:RequestsPerWindow"] = "1",
            ["RateLimit:PerAddress:WindowMs"] = "600000",
        });
        var (logs, store) = (service.Logs, service.Store);

        (await store.V2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await store.V2.GetAsync("customers/count");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var id = limited.Headers.GetValues(RequestLogMiddleware.HeaderName).ShouldHaveSingleItem();
        (await LinesAsync(logs, id)).ShouldHaveSingleItem().Message.ShouldContain(" 429 in ");
    }

    private async Task<LoggedService> ServiceAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logs = new CapturedLogs();
        var factory = await api.NewFactoryAsync(settings ?? new Dictionary<string, string?>(),
            services => services.AddLogging(logging => logging.AddProvider(logs)));
        return new LoggedService(logs, await TestStore.NewOnAsync(factory));
    }

    private static async Task<string> IdAnsweredAsync(HttpClient client, string? id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "customers/count");
        if (id is not null)
        {
            request.Headers.TryAddWithoutValidation(RequestLogMiddleware.HeaderName, id);
        }

        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.Headers.GetValues(RequestLogMiddleware.HeaderName).ShouldHaveSingleItem();
    }

    /// <summary>The request lines of request <paramref name="id"/>, once there is one (it is written as the answer ends).</summary>
    private static async Task<List<LogEntry>> LinesAsync(CapturedLogs logs, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = logs.Entries.Where(e => e.Category == RequestLogMiddleware.Category && e.Message.EndsWith($", request {id}", StringComparison.Ordinal)).ToList();
            if (lines.Count > 0 || DateTime.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(20);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SaneId();

    private sealed record LoggedService(CapturedLogs Logs, TestStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.Factory.DisposeAsync();
    }
}

public sealed class RequestLogTests_Sqlite(SqliteApi api) : RequestLogTests(api), IClassFixture<SqliteApi>;

public sealed class RequestLogTests_Postgres(PostgresApi api) : RequestLogTests(api), IClassFixture<PostgresApi>;
