using System.Net;
using CustomerApi.Data;
using CustomerApi.Features.Admin.Faults;
using CustomerApi.Features.Admin.Requests;
using CustomerApi.Infrastructure.Http;
using CustomerApi.Tests.Admin.Faults;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Admin;

/// <summary><c>/admin/stores</c> and their tokens, behind <c>X-Admin-Key</c>.</summary>
public abstract class AdminStoresTests(ApiFixture api)
{
    private static readonly string[] ReadOnly = ["store_v2_customers_read_only"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-admin-ke")]
    [InlineData("test-admin-key ")]
    public async Task Without_the_admin_key_every_admin_route_is_401_and_creates_nothing(string? key)
    {
        var admin = await api.AdminAsync(key);
        var hash = TestStore.NewHash();

        var response = await admin.PostJsonAsync("admin/stores", new { hash });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("X-Admin-Key");
        (await (await api.AdminAsync()).GetAsync($"admin/stores/{hash}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_the_admin_key_a_request_is_refused_before_its_body_is_read()
    {
        var admin = await api.AdminAsync(key: null);

        var response = await admin.PostAsync("admin/stores", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_store_can_be_made_without_a_body()
    {
        var admin = await api.AdminAsync();

        var created = await (await admin.PostAsync("admin/stores", content: null)).ShouldBeAsync(HttpStatusCode.Created);

        created.GetProperty("hash").GetString()!.Length.ShouldBe(10);
        created.GetProperty("name").GetString().ShouldBe("");
    }

    [Fact]
    public async Task With_no_admin_key_configured_the_admin_api_does_not_exist()
    {
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?> { ["Admin:Key"] = "" });
        var client = TestStore.Client(factory, token: null, "http://localhost/");
        client.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);

        (await client.GetAsync("admin/stores")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_store_has_a_random_hash_and_a_token_of_every_scope_that_works_at_once()
    {
        var admin = await api.AdminAsync();

        var (hash, token) = await admin.CreateStoreAsync();

        hash.Length.ShouldBe(10);
        (await (await api.StoreClientAsync(hash, token)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.StoreClientAsync(hash, token, "v3")).GetAsync("customers/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var got = await (await admin.GetAsync($"admin/stores/{hash}")).ShouldBeAsync(HttpStatusCode.OK);
        got.GetProperty("hash").GetString().ShouldBe(hash);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    [InlineData("")]
    public async Task A_bad_hash_is_422_and_a_taken_one_409(string bad)
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync(new { hash = TestStore.NewHash() });

        var refused = await (await admin.PostJsonAsync("admin/stores", new { hash = bad })).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostJsonAsync("admin/stores", new { hash })).ShouldBeAsync(HttpStatusCode.Conflict);

        refused.GetProperty("errors").GetProperty("hash").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_store_keeps_the_name_it_was_given_and_a_too_long_name_is_422()
    {
        var admin = await api.AdminAsync();

        var (hash, _) = await admin.CreateStoreAsync(new { name = "Checkout tests" });
        var refused = await (await admin.PostJsonAsync("admin/stores", new { name = new string('n', 256) })).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        (await (await admin.GetAsync($"admin/stores/{hash}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe("Checkout tests");
        refused.GetProperty("errors").GetProperty("name").GetString()!.ShouldContain("255");
    }

    [Theory]
    [InlineData("""{"scopes":[]}""", "scopes")]
    [InlineData("""{}""", "scopes")]
    [InlineData("""{"scopes":["store_v2_customers","Store V2!"]}""", "scopes[1]")]
    public async Task A_token_without_scopes_or_with_a_malformed_one_is_422_naming_it(string body, string field)
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();

        var refused = await (await admin.PostAsync($"admin/stores/{hash}/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(refused.GetRawText());
        (await (await admin.GetAsync($"admin/stores/{hash}/tokens")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_hash_asked_for_before_its_store_exists_and_a_hash_made_again_after_a_delete_work_at_once()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();
        (await (await api.StoreClientAsync(hash, "no-token-yet")).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (_, first) = await admin.CreateStoreAsync(new { hash });
        (await (await api.StoreClientAsync(hash, first)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"admin/stores/{hash}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await api.StoreClientAsync(hash, first)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, second) = await admin.CreateStoreAsync(new { hash });

        (await (await api.StoreClientAsync(hash, second)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.StoreClientAsync(hash, first)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>What lives only in memory goes with the store too: no request reaches a deleted store's id again, so nothing else would free it.</summary>
    [Fact]
    public async Task Deleting_a_store_frees_its_faults_quota_and_request_log_and_keeps_another_stores()
    {
        var admin = await api.AdminAsync();
        var (doomed, doomedToken) = await admin.CreateStoreAsync();
        var (kept, keptToken) = await admin.CreateStoreAsync();
        var services = (await api.FactoryAsync()).Services;
        int doomedId, keptId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
            doomedId = await db.Stores.Where(s => s.Hash == doomed).Select(s => s.Id).SingleAsync();
            keptId = await db.Stores.Where(s => s.Hash == kept).Select(s => s.Id).SingleAsync();
        }

        foreach (var (hash, token) in new[] { (doomed, doomedToken), (kept, keptToken) })
        {
            await admin.PutFaultsAsync(hash, new { path = "/v2/customers/count", latency_ms = 1 });
            await admin.PutRateLimitAsync(hash, new { plan = "pro" });
            (await (await api.StoreClientAsync(hash, token)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (faults, quota, log) = (services.GetRequiredService<StoreFaults>(), services.GetRequiredService<StoreQuota>(), services.GetRequiredService<RequestLog>());
        foreach (var id in new[] { doomedId, keptId })
        {
            faults.RulesOf(id).Count.ShouldBe(1);
            quota.Peek(id).Limit.Plan.ShouldBe("pro");
            log.Latest(id, 10).Count.ShouldBe(1);
        }

        (await admin.DeleteAsync($"admin/stores/{doomed}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        faults.RulesOf(doomedId).ShouldBeEmpty();
        quota.Peek(doomedId).Limit.ShouldBe(quota.Default);
        log.Latest(doomedId, 10).ShouldBeEmpty();
        faults.RulesOf(keptId).Count.ShouldBe(1);
        quota.Peek(keptId).Limit.Plan.ShouldBe("pro");
        log.Latest(keptId, 10).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_store_takes_its_customers_and_tokens_and_nothing_of_another_store()
    {
        var admin = await api.AdminAsync();
        var (doomed, doomedToken) = await admin.CreateStoreAsync();
        var (kept, keptToken) = await admin.CreateStoreAsync();
        foreach (var (hash, token) in new[] { (doomed, doomedToken), (kept, keptToken) })
        {
            (await (await api.StoreClientAsync(hash, token)).PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "a@example.com" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await admin.DeleteAsync($"admin/stores/{doomed}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await (await api.StoreClientAsync(doomed, doomedToken)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync($"admin/stores/{doomed}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"admin/stores/{doomed}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await api.StoreClientAsync(kept, keptToken)).GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_token_has_the_scopes_asked_for_is_listed_without_its_secret_and_once_revoked_is_refused_on_its_next_request()
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();
        var created = await (await admin.PostJsonAsync($"admin/stores/{hash}/tokens", new { scopes = ReadOnly }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var (id, token) = (created.GetProperty("id").GetInt32(), created.GetProperty("access_token").GetString()!);
        var reader = await api.StoreClientAsync(hash, token);

        (await reader.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "a@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var listed = (await (await admin.GetAsync($"admin/stores/{hash}/tokens")).ShouldBeAsync(HttpStatusCode.OK)).GetRawText();
        listed.ShouldNotContain(token);
        listed.ShouldContain("\"scopes\":[\"store_v2_customers_read_only\"]");

        (await admin.DeleteAsync($"admin/stores/{hash}/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await reader.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.DeleteAsync($"admin/stores/{hash}/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.PostJsonAsync($"admin/stores/{hash}/tokens", new { scopes = Array.Empty<string>() })).JsonAsync())
            .GetProperty("status").GetInt32().ShouldBe(422);
    }
}

public sealed class AdminStoresTests_Sqlite(SqliteApi api) : AdminStoresTests(api), IClassFixture<SqliteApi>;

public sealed class AdminStoresTests_Postgres(PostgresApi api) : AdminStoresTests(api), IClassFixture<PostgresApi>;
