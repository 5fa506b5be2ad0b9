using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Faults;

/// <summary><c>/admin/stores/{hash}/faults</c>: BigCommerce's failures on demand, for one store's requests only.</summary>
public abstract class FaultRulesTests(ApiFixture api)
{
    [Fact]
    public async Task A_rule_of_3_times_fails_exactly_3_requests_then_they_succeed_and_get_shows_it_spent()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customers", status = 500, times = 3 });

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((int)(await v2.GetAsync("customers/count")).StatusCode);
        }

        statuses.ShouldBe([500, 500, 500, 200, 200]);
        var rule = (await admin.GetFaultsAsync(hash)).Single();
        rule.GetProperty("fired").GetInt64().ShouldBe(3);
        rule.GetProperty("matched").GetInt64().ShouldBe(5);
        rule.GetProperty("times").GetInt32().ShouldBe(3);
        rule.GetProperty("times_left").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Twenty_requests_at_once_meet_exactly_3_faults_of_a_3_times_rule()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customers", status = 503, times = 3 });
        using var start = new SemaphoreSlim(0);

        var racers = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            return (int)(await v2.GetAsync("customers/count")).StatusCode;
        }).ToList();
        start.Release(racers.Count);
        var statuses = await Task.WhenAll(racers);

        statuses.Count(s => s == 503).ShouldBe(3);
        statuses.Count(s => s == 200).ShouldBe(17);
        (await admin.GetFaultsAsync(hash)).Single().GetProperty("fired").GetInt64().ShouldBe(3);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_fault_answers_in_the_routes_version_an_array_for_V2_and_an_object_for_V3(int status)
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var v3 = await V3Async(hash, v2);
        await admin.PutFaultsAsync(hash, new { path = "/", status });

        var v2Error = (await (await v2.GetAsync("customers")).ShouldBeV2ErrorAsync((HttpStatusCode)status))[0];
        var v3Error = await (await v3.GetAsync("customers")).ShouldBeAsync((HttpStatusCode)status);

        v2Error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        v3Error.ValueKind.ShouldBe(JsonValueKind.Object);
        v3Error.GetProperty("status").GetInt32().ShouldBe(status);
        v3Error.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        v3Error.GetProperty("type").GetString().ShouldStartWith("https://developer.bigcommerce.com/");
        v3Error.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task A_429_fault_carries_the_four_rate_limit_headers_with_nothing_left_and_X_Retry_After()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customers", status = 429 });

        var refused = await v2.GetAsync("customers/count");

        (await refused.ShouldBeV2ErrorAsync(HttpStatusCode.TooManyRequests))[0].GetProperty("message").GetString().ShouldBe("Too many requests");
        var window = Header(refused, "X-Rate-Limit-Time-Window-Ms");
        var reset = Header(refused, "X-Rate-Limit-Time-Reset-Ms");
        window.ShouldBe(30_000);
        reset.ShouldBeInRange(1, window);
        Header(refused, "X-Rate-Limit-Requests-Quota").ShouldBeGreaterThan(0);
        Header(refused, "X-Rate-Limit-Requests-Left").ShouldBe(0);
        Header(refused, "X-Retry-After").ShouldBe((reset + 999) / 1000);
    }

    [Fact]
    public async Task A_rule_with_a_method_faults_only_that_method()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var v3 = await V3Async(hash, v2);
        await admin.PutFaultsAsync(hash, new { method = "post", path = "/v3/customers", status = 503 });

        (await v3.GetAsync("customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await v3.PostJsonAsync("customers", new[] { new { first_name = "A", last_name = "B", email = "a@example.com" } }))
            .ShouldBeAsync(HttpStatusCode.ServiceUnavailable);
        (await admin.GetFaultsAsync(hash)).Single().GetProperty("method").GetString().ShouldBe("POST");
        (await (await v3.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_template_matches_only_its_own_route_whatever_the_id()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customers/{customer_id}", status = 502 });

        (await v2.GetAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await v2.GetAsync("customers/987654")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await v2.GetAsync("customers")).StatusCode.ShouldNotBe(HttpStatusCode.BadGateway);
        (await v2.GetAsync("customers/1/addresses")).StatusCode.ShouldNotBe(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_template_may_carry_the_routes_constraints_and_names_are_matched_ignoring_case()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var v3 = await V3Async(hash, v2);
        await admin.PutFaultsAsync(hash,
            new { path = "/V3/Customers/{customerId:int}/metafields", status = 504 },
            new { path = "/v2/customers/{CUSTOMER_ID}/addresses/{customer_address_id}", status = 500 });

        (await v3.GetAsync("customers/3/metafields")).StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await v2.GetAsync("customers/3/addresses/4")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await v3.GetAsync("customers/metafields")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFaultsAsync(hash))[0].GetProperty("path").GetString().ShouldBe("/V3/Customers/{customerId}/metafields");
    }

    [Fact]
    public async Task A_prefix_matches_its_path_and_everything_below_it_at_segment_boundaries_ignoring_case()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/V2/Customer_Groups/", status = 504 }, new { path = "/v2/customer", status = 500 });

        (await v2.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await v2.GetAsync("customer_groups/7")).StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await v2.GetAsync("customer_groups/count")).StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK); // /v2/customer is not a segment of /v2/customers
    }

    [Fact]
    public async Task The_first_rule_that_fires_answers_and_a_spent_rule_gives_way_to_the_next()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash,
            new { path = "/v2/customers", status = 503, times = 1 },
            new { path = "/v2", status = 502, times = 1 });

        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rule_of_probability_0_never_fires_and_of_1_always()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash,
            new { path = "/v2/customers/count", status = 500, probability = 0.0 },
            new { path = "/v2/customer_groups", status = 502, probability = 1.0 });

        for (var i = 0; i < 20; i++)
        {
            (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await v2.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        }

        var rules = await admin.GetFaultsAsync(hash);
        rules[0].GetProperty("matched").GetInt64().ShouldBe(20);
        rules[0].GetProperty("fired").GetInt64().ShouldBe(0);
        rules[1].GetProperty("fired").GetInt64().ShouldBe(20);
        rules[1].GetProperty("times_left").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_rule_of_one_store_never_touches_another()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var (otherHash, otherToken) = await admin.CreateStoreAsync();
        var other = await api.StoreClientAsync(otherHash, otherToken);
        await admin.PutFaultsAsync(hash, new { path = "/", status = 503 });

        (await other.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await admin.GetFaultsAsync(otherHash)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_token_is_still_401_for_a_faulted_store()
    {
        var (admin, hash, _) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/", status = 503 });
        var stranger = await api.StoreClientAsync(hash, "not-a-token-of-this-store");

        await (await stranger.GetAsync("customers/count")).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
        (await admin.GetFaultsAsync(hash)).Single().GetProperty("matched").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Delete_clears_the_rules_and_a_new_put_replaces_them_with_fresh_counts()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/", status = 500 });
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        (await admin.DeleteAsync($"admin/stores/{hash}/faults")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFaultsAsync(hash)).ShouldBeEmpty();

        await admin.PutFaultsAsync(hash, new { path = "/v2", status = 502, times = 2 });
        await admin.PutFaultsAsync(hash, new { path = "/v2", status = 504, times = 1 });
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFaultsAsync(hash)).Single().GetProperty("fired").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task A_store_made_again_with_a_deleted_stores_hash_has_none_of_its_rules()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();
        await admin.CreateStoreAsync(new { hash });
        await admin.PutFaultsAsync(hash, new { path = "/", status = 503 });
        (await admin.DeleteAsync($"admin/stores/{hash}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (_, token) = await admin.CreateStoreAsync(new { hash });

        (await admin.GetFaultsAsync(hash)).ShouldBeEmpty();
        (await (await api.StoreClientAsync(hash, token)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The system timer may end a delay up to a tick (~15 ms) before the stopwatch says it is due.</summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_latency_rule_without_a_status_delays_the_request_and_lets_it_through()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customers", latency_ms = 400, times = 1 });

        var clock = Stopwatch.StartNew();
        var delayed = await v2.GetAsync("customers/count");
        var elapsed = clock.Elapsed;

        delayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400) - TimerSlack);
    }

    [Fact]
    public async Task A_latency_rule_with_a_status_waits_then_fails()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2", status = 504, latency_ms = 300 });

        var clock = Stopwatch.StartNew();
        var failed = await v2.GetAsync("customers/count");
        var elapsed = clock.Elapsed;

        failed.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300) - TimerSlack);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "rules" },
        { """{"rules":[{"status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"  ","status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"v2/customers","status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"/stores/abc/v2/customers","status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"/v2/customers?limit=5","status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"/v2/customers/{id}","status":500}]}""", "rules[0].path" },
        { """{"rules":[{"path":"/v2","status":404}]}""", "rules[0].status" },
        { """{"rules":[{"path":"/v2"}]}""", "rules[0].status" },
        { """{"rules":[{"path":"/v2","latency_ms":0}]}""", "rules[0].status" },
        { """{"rules":[{"path":"/v2","status":500,"method":"PATCH"}]}""", "rules[0].method" },
        { """{"rules":[{"path":"/v2","status":500,"probability":1.5}]}""", "rules[0].probability" },
        { """{"rules":[{"path":"/v2","status":500,"probability":-0.1}]}""", "rules[0].probability" },
        { """{"rules":[{"path":"/v2","status":500,"latency_ms":30001}]}""", "rules[0].latency_ms" },
        { """{"rules":[{"path":"/v2","status":500,"latency_ms":-1}]}""", "rules[0].latency_ms" },
        { """{"rules":[{"path":"/v2","status":500,"times":0}]}""", "rules[0].times" },
        { """{"rules":[{"path":"/v2","status":500},{"path":"/v3","status":501}]}""", "rules[1].status" },
        { """{"rules":[null]}""", "rules[0]" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_rule_is_422_naming_the_rule_and_field_and_keeps_the_rules_the_store_had(string body, string field)
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutFaultsAsync(hash, new { path = "/v2/customer_groups", status = 503 });

        var refused = await (await admin.PutJsonAsync($"admin/stores/{hash}/faults", body)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("status").GetInt32().ShouldBe(422);
        refused.GetProperty("errors").GetProperty(field).GetString().ShouldNotBeNullOrWhiteSpace();
        (await admin.GetFaultsAsync(hash)).Single().GetProperty("path").GetString().ShouldBe("/v2/customer_groups");
        (await v2.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task More_than_50_rules_are_422()
    {
        var (admin, hash, _) = await NewStoreAsync();

        var rules = Enumerable.Range(0, 51).Select(_ => new { path = "/v2", status = 500 }).ToArray();
        var refused = await (await admin.PutJsonAsync($"admin/stores/{hash}/faults", new { rules })).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("errors").GetProperty("rules").GetString()!.ShouldContain("50");
    }

    [Fact]
    public async Task An_unknown_store_is_404()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();

        await (await admin.GetAsync($"admin/stores/{hash}/faults")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"admin/stores/{hash}/faults", new { rules = new[] { new { path = "/", status = 500 } } }))
            .ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"admin/stores/{hash}/faults")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Admin, string Hash, HttpClient V2)> NewStoreAsync()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        return (admin, hash, await api.StoreClientAsync(hash, token));
    }

    private async Task<HttpClient> V3Async(string hash, HttpClient v2) =>
        await api.StoreClientAsync(hash, v2.DefaultRequestHeaders.GetValues("X-Auth-Token").Single(), "v3");

    private static long Header(HttpResponseMessage response, string name)
    {
        response.Headers.TryGetValues(name, out var values).ShouldBeTrue($"{name} missing on {(int)response.StatusCode}");
        return long.Parse(values!.Single(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

public sealed class FaultRulesTests_Sqlite(SqliteApi api) : FaultRulesTests(api), IClassFixture<SqliteApi>;

public sealed class FaultRulesTests_Postgres(PostgresApi api) : FaultRulesTests(api), IClassFixture<PostgresApi>;
