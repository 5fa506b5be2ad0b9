using System.Diagnostics;
using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;

namespace CustomerApi.Tests.Reliability;

/// <summary>
/// One hundred V2 creates of one email at once, in one store: exactly one is created, the other 99 get BigCommerce's
/// V2 409 body, none a 5xx. The email is spelled differently across racers (case, surrounding spaces), which is
/// still one email. Then the same split across two services sharing one database.
/// </summary>
public abstract class SameEmailRaceTests(ApiFixture api, ReliabilityFigures figures)
{
    private const int Racers = 100;

    [Fact]
    public async Task One_hundred_concurrent_creates_of_one_email_give_one_201_and_99_409s()
    {
        var store = await api.NewStoreAsync();

        await RaceAsync("same-email race, one service", store.V2);
    }

    [Fact]
    public async Task One_hundred_concurrent_creates_of_one_email_through_two_services_on_one_database_give_one_201_and_99_409s()
    {
        await using var pair = await ServicePair.StartAsync(api.Provider);

        await RaceAsync("same-email race, two services", pair.A.V2, pair.B.V2);
    }

    /// <summary>The racers take turns among <paramref name="services"/>, each of which has served a create before.</summary>
    private async Task RaceAsync(string suite, params HttpClient[] services)
    {
        // A running service has cached the store's tokens and compiled its queries: the race is about one email, not
        // about a hundred first requests doing that start-up work at once.
        for (var i = 0; i < services.Length; i++)
        {
            var warmUp = await services[i].PostJsonAsync("customers", new { first_name = "Warm", last_name = "Up", email = $"warm{i}@example.com" });
            (await warmUp.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32().ShouldBe(i + 1);
        }

        var emails = Enumerable.Range(0, Racers).Select(Spelling).ToArray();
        var line = new StartingLine(Racers);
        line.GoAfter(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var responses = await Task.WhenAll(emails.Select((email, i) => services[i % services.Length].PostAsync("customers", line.Json(new
        {
            first_name = "Racer",
            last_name = i.ToString(CultureInfo.InvariantCulture),
            email,
        }))));

        var took = clock.Elapsed;
        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        var created = Array.FindIndex(statuses, s => s == 201);
        var listed = await services[0].CustomersAsync("email=race@example.com");
        figures.Print(suite, api.Provider.ToString(), Racers, statuses.Count(s => s >= 500), created >= 0 && listed.Length == 0 ? 1 : 0,
            string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}")) + $" in {took.TotalSeconds:0.0} s");

        statuses.Count(s => s == 201).ShouldBe(1, Summary(statuses));
        statuses.Count(s => s == 409).ShouldBe(Racers - 1, Summary(statuses));
        var winner = await responses[created].ShouldBeAsync(HttpStatusCode.Created);
        // Ids ascend; a create refused after it took an id leaves a gap, as an auto-increment column does (issue 12).
        var winnerId = winner.GetProperty("id").GetInt32();
        winnerId.ShouldBeInRange(services.Length + 1, services.Length + Racers);
        winner.GetProperty("email").GetString().ShouldBe(emails[created].Trim());
        for (var i = 0; i < Racers; i++)
        {
            if (i != created)
            {
                await ShouldBeDuplicateEmailAsync(responses[i], emails[i].Trim());
            }
        }

        var only = listed.ShouldHaveSingleItem();
        only.GetProperty("id").GetInt32().ShouldBe(winnerId);
        only.GetProperty("email").GetString().ShouldBe(emails[created].Trim());
        only.GetProperty("last_name").GetString().ShouldBe(created.ToString(CultureInfo.InvariantCulture));
        (await services[0].GetFromJsonCountAsync()).ShouldBe(services.Length + 1);
        var next = await services[^1].PostJsonAsync("customers", new { first_name = "Next", last_name = "One", email = "next@example.com" });
        (await next.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32().ShouldBeInRange(winnerId + 1, services.Length + Racers + 1);
    }

    /// <summary>One email, as different clients might type it.</summary>
    private static string Spelling(int i) => (i % 4) switch
    {
        0 => "race@example.com",
        1 => "RACE@example.com",
        2 => "  Race@Example.COM ",
        _ => "race@EXAMPLE.com\t",
    };

    /// <summary>BigCommerce's V2 409 for a taken email, exactly: one error naming the email in its message and its details.</summary>
    private static async Task ShouldBeDuplicateEmailAsync(HttpResponseMessage response, string email)
    {
        var body = await response.ShouldBeV2ErrorAsync(HttpStatusCode.Conflict);
        var text = $"The email address '{email}' is already in use by another customer.";
        var error = body.EnumerateArray().ShouldHaveSingleItem();
        error.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "message", "details"]);
        error.GetProperty("message").GetString().ShouldBe(text);
        error.GetProperty("details").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ShouldBe([("conflict_reason", text)]);
    }

    private static string Summary(int[] statuses) => string.Join(", ", statuses);
}

[Collection(RunsAlone.Name)]
public sealed class SameEmailRaceTests_Sqlite(SqliteApi api, ReliabilityFigures figures)
    : SameEmailRaceTests(api, figures), IClassFixture<SqliteApi>, IClassFixture<ReliabilityFigures>;

[Collection(RunsAlone.Name)]
public sealed class SameEmailRaceTests_Postgres(PostgresApi api, ReliabilityFigures figures)
    : SameEmailRaceTests(api, figures), IClassFixture<PostgresApi>, IClassFixture<ReliabilityFigures>;
