using System.Globalization;
using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.Admin.Requests;

/// <summary><c>GET/DELETE /admin/stores/{hash}/requests</c>: what is recorded of a store's requests, in which order, for how long.</summary>
public abstract class RequestLogTests(ApiFixture api)
{
    [Fact]
    public async Task Entries_come_newest_first_with_what_was_sent_and_the_request_id_that_was_answered()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var (v2, v3) = (await api.StoreClientAsync(hash, token), await api.StoreClientAsync(hash, token, "v3"));
        var before = DateTime.UtcNow;
        var page = await v3.GetAsync("customers?limit=5&page=1");
        const string refusedBody = """{"first_name":"Jane"}""";
        var refused = await v2.PostJsonAsync("customers", refusedBody);
        using var named = new HttpRequestMessage(HttpMethod.Get, "customers/count") { Headers = { { "X-Request-Id", "client-id-1" } } };
        var count = await v2.SendAsync(named);
        var after = DateTime.UtcNow;

        var (entries, raw) = await admin.RequestLogAsync(hash);

        entries.Select(e => e.Line()).ShouldBe(
        [
            ("GET", $"/stores/{hash}/v2/customers/count", "", 200),
            ("POST", $"/stores/{hash}/v2/customers", "", 400),
            ("GET", $"/stores/{hash}/v3/customers", "limit=5&page=1", 200),
        ], raw);
        entries.Select(e => e.Text("request_id")).ShouldBe([.. new[] { count, refused, page }.Select(r => r.Headers.GetValues("X-Request-Id").Single())]);
        entries[0].Text("request_id").ShouldBe("client-id-1");
        entries[1].GetProperty("request_bytes").GetInt64().ShouldBe(refusedBody.Length);
        entries[2].GetProperty("request_bytes").GetInt64().ShouldBe(0);
        foreach (var (entry, response) in entries.Zip([count, refused, page]))
        {
            entry.GetProperty("response_bytes").GetInt64().ShouldBe((await response.Content.ReadAsByteArrayAsync()).Length);
            entry.GetProperty("elapsed_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
            var time = entry.Text("time");
            time.ShouldEndWith("Z");
            DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).ShouldBeInRange(before, after);
        }
    }

    [Fact]
    public async Task A_2xx_entry_has_no_bodies_and_a_4xx_one_has_both()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var v2 = await api.StoreClientAsync(hash, token);
        await (await v2.PostJsonAsync("customers", new { first_name = "Jane", last_name = "Doe", email = "jane@example.com" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await v2.PostJsonAsync("customers", new { first_name = "Jane", last_name = "Doe", email = "jane@example.com" })).ShouldBeAsync(HttpStatusCode.Conflict);

        var (entries, _) = await admin.RequestLogAsync(hash);

        var (conflict, created) = (entries[0], entries[1]);
        foreach (var name in new[] { "request_body", "request_body_note", "response_body", "response_body_note" })
        {
            created.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Null);
        }

        JsonDocument.Parse(conflict.Text("request_body")).RootElement.GetProperty("email").GetString().ShouldBe("jane@example.com");
        JsonDocument.Parse(conflict.Text("response_body")).RootElement[0].GetProperty("status").GetInt32().ShouldBe(409);
        conflict.GetProperty("request_body_note").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Refused_requests_are_recorded_a_missing_or_wrong_token_and_an_unknown_route_and_no_token_appears()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var wrong = "wrong" + Guid.NewGuid().ToString("N");
        var client = await api.AnonymousClientAsync(); // the store's very first request sends no token: nothing of it is cached yet

        (await client.GetAsync($"stores/{hash}/v3/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Add("X-Auth-Token", wrong);
        (await client.GetAsync($"stores/{hash}/v2/customers?access_token={wrong}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostJsonAsync($"stores/{hash}/v3/customers/validate-credentials", new { email = "a@example.com", password = Passwords.Good }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await api.StoreClientAsync(hash, token, "v3")).GetAsync("no-such-resource")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"stores/{hash}/admin")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not a store's API: not recorded

        var (entries, raw) = await admin.RequestLogAsync(hash);

        entries.Select(e => e.Line()).ShouldBe(
        [
            ("GET", $"/stores/{hash}/v3/no-such-resource", "", 404),
            ("POST", $"/stores/{hash}/v3/customers/validate-credentials", "", 401),
            ("GET", $"/stores/{hash}/v2/customers", "access_token=[redacted]", 401),
            ("GET", $"/stores/{hash}/v3/customers", "", 401),
        ], raw);
        raw.ShouldNotContain(wrong);
        raw.ShouldNotContain(token);
        raw.ShouldNotContain(Passwords.Good);
        entries[1].GetProperty("request_body").ValueKind.ShouldBe(JsonValueKind.Null); // refused before it was read
        entries[1].Text("request_body_note").ShouldStartWith("Not read");
        JsonDocument.Parse(entries[3].Text("response_body")).RootElement.GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task Requests_released_together_are_each_recorded_once()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var v3 = await api.StoreClientAsync(hash, token, "v3");

        var responses = await Task.WhenAll(Enumerable.Range(1, 40).Select(page => v3.GetAsync($"customers?page={page}")));

        var (entries, raw) = await admin.RequestLogAsync(hash);
        entries.Select(e => e.Text("request_id")).ShouldBe(responses.Select(r => r.Headers.GetValues("X-Request-Id").Single()), ignoreOrder: true, raw);
        entries.Select(e => e.Text("query")).Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public async Task The_log_keeps_only_the_last_RequestLogSize_requests_and_a_limit_over_it_is_422()
    {
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?> { ["Admin:RequestLogSize"] = "3" });
        var admin = TestStore.Client(factory, token: null, "http://localhost/");
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var (hash, token) = await admin.CreateStoreAsync();
        var v3 = TestStore.Client(factory, token, $"http://localhost/stores/{hash}/v3/");
        for (var page = 1; page <= 5; page++)
        {
            (await v3.GetAsync($"customers?page={page}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (entries, raw) = await admin.RequestLogAsync(hash);

        entries.Select(e => e.Text("query")).ShouldBe(["page=5", "page=4", "page=3"], raw);
        (await admin.RequestLogAsync(hash, "?limit=2")).Entries.Select(e => e.Text("query")).ShouldBe(["page=5", "page=4"]);
        var refused = await (await admin.GetAsync($"admin/stores/{hash}/requests?limit=4")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("errors").GetProperty("limit").GetString()!.ShouldContain("1 to 3");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("2.5")]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("1&limit=2")]
    public async Task A_limit_that_is_not_an_integer_from_1_to_the_log_size_is_422(string limit)
    {
        var admin = await api.AdminAsync();
        var (hash, _) = await admin.CreateStoreAsync();

        var refused = await (await admin.GetAsync($"admin/stores/{hash}/requests?limit={limit}")).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        refused.GetProperty("status").GetInt32().ShouldBe(422);
        refused.GetProperty("errors").GetProperty("limit").GetString()!.ShouldContain("1 to 1000");
    }

    [Fact]
    public async Task An_unknown_store_has_no_log()
    {
        var admin = await api.AdminAsync();
        var hash = TestStore.NewHash();

        await (await admin.GetAsync($"admin/stores/{hash}/requests")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"admin/stores/{hash}/requests")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_store_sees_only_its_own_requests_and_clearing_its_log_leaves_another_stores()
    {
        var admin = await api.AdminAsync();
        var (a, aToken) = await admin.CreateStoreAsync();
        var (b, bToken) = await admin.CreateStoreAsync();
        var (aClient, bClient) = (await api.StoreClientAsync(a, aToken), await api.StoreClientAsync(b, bToken));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? aClient : bClient).GetAsync($"customers?page={i + 1}")));
        (await bClient.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync($"admin/stores/{a}/requests")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.RequestLogAsync(a)).Entries.ShouldBeEmpty();
        var (entries, raw) = await admin.RequestLogAsync(b);
        entries.Length.ShouldBe(6, raw);
        entries.ShouldAllBe(e => e.GetProperty("path").GetString()!.StartsWith($"/stores/{b}/", StringComparison.Ordinal));
        raw.ShouldNotContain(a);
    }

    [Fact]
    public async Task After_a_clear_the_log_starts_again_and_admin_calls_are_never_in_it()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        var v2 = await api.StoreClientAsync(hash, token);
        (await v2.GetAsync("customers")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.DeleteAsync($"admin/stores/{hash}/requests")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.RequestLogAsync(hash)).Entries.ShouldBeEmpty();
        (await v2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (entry, _) = await admin.LastRequestAsync(hash);
        entry.Text("path").ShouldBe($"/stores/{hash}/v2/customers/count");
    }

    [Fact]
    public async Task A_store_made_again_with_a_deleted_stores_hash_starts_with_an_empty_log()
    {
        var admin = await api.AdminAsync();
        var (hash, token) = await admin.CreateStoreAsync();
        (await (await api.StoreClientAsync(hash, token)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"admin/stores/{hash}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (again, againToken) = await admin.CreateStoreAsync(new { hash });

        (await admin.RequestLogAsync(again)).Entries.ShouldBeEmpty();
        (await (await api.StoreClientAsync(again, againToken)).GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.LastRequestAsync(again)).Entry.Text("path").ShouldEndWith("/customers/count");
    }
}

public sealed class RequestLogTests_Sqlite(SqliteApi api) : RequestLogTests(api), IClassFixture<SqliteApi>;

public sealed class RequestLogTests_Postgres(PostgresApi api) : RequestLogTests(api), IClassFixture<PostgresApi>;
