using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Service;

/// <summary>The limit per client address (<c>RateLimit:PerAddress:*</c>), in front of auth; each test but one runs a service of its own.</summary>
public abstract class AddressRateLimitTests(ApiFixture api)
{
    private static readonly string[] StoreQuotaHeaders =
        ["X-Rate-Limit-Time-Window-Ms", "X-Rate-Limit-Time-Reset-Ms", "X-Rate-Limit-Requests-Quota", "X-Rate-Limit-Requests-Left"];

    [Fact]
    public async Task Requests_within_the_limit_pass_and_the_rest_get_429_in_the_version_body_with_Retry_After()
    {
        await using var factory = await api.NewFactoryAsync(Limit(requests: 4, windowMs: 60_000));
        var store = await TestStore.NewOnAsync(factory); // made straight in the database, not a request

        var within = new[]
        {
            await store.V2.GetAsync("customers/count"),
            await store.V3.GetAsync("customers/attributes"),
            await store.V2With(null).GetAsync("customers"),
            await store.V2.PostJsonAsync("customers", new { first_name = "Jane", last_name = "Doe", email = "within@example.com" }),
        };
        var beyondV2 = await store.V2.GetAsync("customers/count");
        var beyondV3 = await store.V3.GetAsync("customers/attributes");
        var beyondWrite = await store.V2.PostJsonAsync("customers", new { first_name = "Jane", last_name = "Doe", email = "beyond@example.com" });
        var beyondHealth = await TestStore.Client(factory, token: null, "http://localhost/").GetAsync("health");

        within.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Created]);
        foreach (var authenticated in new[] { within[0], within[1], within[3] })
        {
            foreach (var header in StoreQuotaHeaders)
            {
                authenticated.Headers.Contains(header).ShouldBeTrue($"{header} on {authenticated.RequestMessage!.RequestUri}");
            }
        }

        foreach (var refused in new[] { beyondV2, beyondWrite, beyondHealth })
        {
            var error = await refused.ShouldBeV2ErrorAsync(HttpStatusCode.TooManyRequests);
            error.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ShouldBe(["Too many requests"]);
        }

        var v3Error = await beyondV3.ShouldBeV3ErrorAsync(HttpStatusCode.TooManyRequests);
        v3Error.GetProperty("title").GetString().ShouldBe("Too many requests");
        v3Error.Errors().ShouldBeEmpty();
        foreach (var refused in new[] { beyondV2, beyondV3, beyondWrite, beyondHealth })
        {
            refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(60));
            refused.Headers.GetValues("X-Retry-After").ShouldBe(["60"]);
            StoreQuotaHeaders.ShouldNotContain(h => refused.Headers.Contains(h), "a refused request never reached the store's quota");
        }

        (await CustomerEmailsAsync(factory, store.Hash)).ShouldBe(["within@example.com"]);
    }

    [Fact]
    public async Task Each_client_address_has_a_limit_of_its_own()
    {
        await using var factory = await api.NewFactoryAsync(Limit(requests: 2, windowMs: 60_000),
            services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        var store = await TestStore.NewOnAsync(factory);

        async Task<HttpStatusCode> CountFrom(string? address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "customers/count");
            if (address is not null)
            {
                request.Headers.Add(ClientAddressFromHeader.Header, address);
            }

            return (await store.V2.SendAsync(request)).StatusCode;
        }

        (await CountFrom("203.0.113.7")).ShouldBe(HttpStatusCode.OK);
        (await CountFrom("203.0.113.7")).ShouldBe(HttpStatusCode.OK);
        (await CountFrom("203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);

        (await CountFrom("203.0.113.8")).ShouldBe(HttpStatusCode.OK);
        (await CountFrom("2001:db8::7")).ShouldBe(HttpStatusCode.OK);
        (await CountFrom(null)).ShouldBe(HttpStatusCode.OK, "requests without an address share one limit of their own");
        (await CountFrom("203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_flood_with_made_up_store_hashes_is_refused_before_it_reaches_the_database()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(Limit(requests: 3, windowMs: 60_000), queries.Services);
        var client = TestStore.Client(factory, "made-up-token", "http://localhost/");
        var before = queries.Count;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetAsync($"stores/{TestStore.NewHash()}/v2/customers")).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        (queries.Count - before).ShouldBe(3, "one store lookup for each request let through, none for the refused");
    }

    [Fact]
    public async Task With_the_default_settings_a_burst_of_500_requests_from_one_address_is_never_refused()
    {
        var store = await api.NewStoreAsync(); // the shared service: default settings, and the whole run's requests from "no address"

        var statuses = new HttpStatusCode[500];
        await Parallel.ForEachAsync(Enumerable.Range(0, statuses.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var client = i % 5 == 0 ? store.V2With(null) : store.V2;
            statuses[i] = (await client.GetAsync("customers/count", ct)).StatusCode;
        });

        statuses.ShouldNotContain(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(400);
    }

    [Fact]
    public async Task Turned_off_the_limit_refuses_nothing()
    {
        var settings = Limit(requests: 1, windowMs: 60_000);
        settings["RateLimit:PerAddress:Enabled"] = "false";
        await using var factory = await api.NewFactoryAsync(settings);
        var store = await TestStore.NewOnAsync(factory);

        for (var i = 0; i < 10; i++)
        {
            (await store.V2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("RateLimit:PerAddress:RequestsPerWindow", "0")]
    [InlineData("RateLimit:PerAddress:WindowMs", "-1000")]
    [InlineData("RateLimit:PerAddress:QueueLimit", "-1")]
    [InlineData("Auth:UnknownStoreCacheMs", "-1")]
    [InlineData("Auth:UnknownStoreCacheEntries", "-1")]
    public async Task A_setting_the_service_cannot_use_stops_it_at_start_up_naming_the_setting(string key, string value)
    {
        var shared = await api.FactoryAsync();
        await using var factory = new ApiFactory(api.Provider, shared.ConnectionString, new Dictionary<string, string?> { [key] = value });

        var failure = Should.Throw<Exception>(() => factory.Server);

        failure.ToString().ShouldContain(key.Split(':')[^1]);
    }

    private static Dictionary<string, string?> Limit(int requests, int windowMs) => new()
    {
        ["RateLimit:PerAddress:RequestsPerWindow"] = requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit:PerAddress:WindowMs"] = windowMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<List<string>> CustomerEmailsAsync(ApiFactory factory, string hash)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        return await db.Customers.Where(c => db.Stores.Any(s => s.Id == c.StoreId && s.Hash == hash)).Select(c => c.Email).ToListAsync();
    }

    /// <summary>Gives a request the client address its test header names, as a connection from that address would have.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextStep(context);
            });
            next(app);
        };
    }
}

public sealed class AddressRateLimitTests_Sqlite(SqliteApi api) : AddressRateLimitTests(api), IClassFixture<SqliteApi>;

public sealed class AddressRateLimitTests_Postgres(PostgresApi api) : AddressRateLimitTests(api), IClassFixture<PostgresApi>;
