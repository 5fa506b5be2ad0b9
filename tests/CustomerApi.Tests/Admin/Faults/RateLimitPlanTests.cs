using System.Globalization;
using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Faults;

/// <summary><c>/admin/stores/{hash}/rate-limit</c>: a store's quota changed at run time, by BigCommerce plan or by number.</summary>
public abstract class RateLimitPlanTests(ApiFixture api)
{
    [Fact]
    public async Task A_quota_of_2_refuses_the_third_request_with_the_stores_quota_and_window_in_the_headers()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var set = await admin.PutRateLimitAsync(hash, new { quota = 2, window_ms = 60_000 });
        set.GetProperty("plan").GetString().ShouldBe("custom");

        var first = await v2.GetAsync("customers/count");
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var third = await v2.GetAsync("customers/count");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(first, "X-Rate-Limit-Requests-Left").ShouldBe(1);
        await third.ShouldBeV2ErrorAsync(HttpStatusCode.TooManyRequests);
        Header(third, "X-Rate-Limit-Requests-Quota").ShouldBe(2);
        Header(third, "X-Rate-Limit-Time-Window-Ms").ShouldBe(60_000);
        Header(third, "X-Rate-Limit-Requests-Left").ShouldBe(0);
        Header(third, "X-Retry-After").ShouldBe((Header(third, "X-Rate-Limit-Time-Reset-Ms") + 999) / 1000);
        var got = await admin.GetRateLimitAsync(hash);
        (got.GetProperty("plan").GetString(), got.GetProperty("quota").GetInt32(), got.GetProperty("window_ms").GetInt64()).ShouldBe(("custom", 2, 60_000L));
    }

    [Theory]
    [InlineData("standard", 150)]
    [InlineData("Plus", 150)]
    [InlineData("pro", 450)]
    public async Task A_named_plan_gives_bigcommerces_published_quota_per_30_seconds(string plan, int quota)
    {
        var (admin, hash, v2) = await NewStoreAsync();

        var set = await admin.PutRateLimitAsync(hash, new { plan });
        var answer = await v2.GetAsync("customers/count");

        set.GetProperty("plan").GetString().ShouldBe(plan.ToLowerInvariant());
        set.GetProperty("quota").GetInt32().ShouldBe(quota);
        set.GetProperty("window_ms").GetInt64().ShouldBe(30_000);
        Header(answer, "X-Rate-Limit-Requests-Quota").ShouldBe(quota);
        Header(answer, "X-Rate-Limit-Time-Window-Ms").ShouldBe(30_000);
        Header(answer, "X-Rate-Limit-Requests-Left").ShouldBe(quota - 1);
    }

    [Fact]
    public async Task A_new_limit_starts_a_fresh_window()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        await admin.PutRateLimitAsync(hash, new { quota = 1, window_ms = 600_000 });
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        await admin.PutRateLimitAsync(hash, new { quota = 1, window_ms = 600_000 });

        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_quota_alone_keeps_the_configured_window()
    {
        var (admin, hash, _) = await NewStoreAsync();

        var set = await admin.PutRateLimitAsync(hash, new { quota = 7 });

        set.GetProperty("window_ms").GetInt64().ShouldBe(30_000);
    }

    [Fact]
    public async Task Another_stores_limit_is_untouched_and_delete_restores_the_default()
    {
        var (admin, hash, v2) = await NewStoreAsync();
        var (otherHash, otherToken) = await admin.CreateStoreAsync();
        var other = await api.StoreClientAsync(otherHash, otherToken);
        var defaults = await admin.GetRateLimitAsync(hash);
        defaults.GetProperty("plan").GetString().ShouldBe("default");
        await admin.PutRateLimitAsync(hash, new { quota = 1, window_ms = 600_000 });

        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var untouched = await other.GetAsync("customers/count");
        untouched.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(untouched, "X-Rate-Limit-Requests-Quota").ShouldBe(defaults.GetProperty("quota").GetInt32());
        (await admin.GetRateLimitAsync(otherHash)).GetProperty("plan").GetString().ShouldBe("default");

        (await admin.DeleteAsync($"admin/stores/{hash}/rate-limit")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var restored = await v2.GetAsync("customers/count");
        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(restored, "X-Rate-Limit-Requests-Quota").ShouldBe(defaults.GetProperty("quota").GetInt32());
        Header(restored, "X-Rate-Limit-Time-Window-Ms").ShouldBe(defaults.GetProperty("window_ms").GetInt64());
        (await admin.GetRateLimitAsync(hash)).GetRawText().ShouldBe(defaults.GetRawText());
    }

    [Theory]
    [InlineData("""{"plan":"pro","quota":10}""", "plan")]
    [InlineData("""{"plan":"standard","window_ms":1000}""", "plan")]
    [InlineData("""{"plan":"gold"}""", "plan")]
    [InlineData("""{"plan":"enterprise"}""", "plan")]
    [InlineData("""{}""", "quota")]
    [InlineData("""{"window_ms":1000}""", "quota")]
    [InlineData("""{"quota":0}""", "quota")]
    [InlineData("""{"quota":-5,"window_ms":1000}""", "quota")]
    [InlineData("""{"quota":5,"window_ms":0}""", "window_ms")]
    [InlineData("""{"quota":5,"window_ms":3600001}""", "window_ms")]
    public async Task A_bad_body_is_422_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (admin, hash, _) = await NewStoreAsync();
        await admin.PutRateLimitAsync(hash, new { plan = "pro" });

        var refused = await (await admin.PutJsonAsync($"admin/stores/{hash}/rate-limit", body)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("errors").GetProperty(field).GetString().ShouldNotBeNullOrWhiteSpace();
        (await admin.GetRateLimitAsync(hash)).GetProperty("plan").GetString().ShouldBe("pro");
    }

    [Fact]
    public async Task An_unknown_store_is_404()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();

        await (await admin.GetAsync($"admin/stores/{hash}/rate-limit")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"admin/stores/{hash}/rate-limit", new { plan = "pro" })).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"admin/stores/{hash}/rate-limit")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Admin, string Hash, HttpClient V2)> NewStoreAsync()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        return (admin, hash, await api.StoreClientAsync(hash, token));
    }

    private static long Header(HttpResponseMessage response, string name)
    {
        response.Headers.TryGetValues(name, out var values).ShouldBeTrue($"{name} missing on {(int)response.StatusCode}");
        return long.Parse(values!.Single(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

public sealed class RateLimitPlanTests_Sqlite(SqliteApi api) : RateLimitPlanTests(api), IClassFixture<SqliteApi>;

public sealed class RateLimitPlanTests_Postgres(PostgresApi api) : RateLimitPlanTests(api), IClassFixture<PostgresApi>;
