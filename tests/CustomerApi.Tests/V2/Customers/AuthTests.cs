using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

/// <summary>
/// Who may call what: every customers route refuses a missing, empty, unknown or foreign token with the same 401,
/// scopes decide between 200 and 403, and a refused request neither reads nor changes anything.
/// </summary>
public abstract class AuthTests(ApiFixture api)
{
    private const string Unauthorized = """[{"status":401,"message":"No credentials were supplied in the request."}]""";
    private const string Forbidden = """[{"status":403,"message":"You don't have a required scope to access the endpoint"}]""";
    private const string VictimEmail = "victim@example.com";

    /// <summary>Every customers route, with a body that would succeed (and change something) if it were let through.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "customers" },
        { "POST", "customers" },
        { "DELETE", "customers" },
        { "GET", "customers/count" },
        { "GET", "customers/1" },
        { "PUT", "customers/1" },
        { "DELETE", "customers/1" },
        { "POST", "customers/1/validate" },
    };

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "customers" },
        { "DELETE", "customers" },
        { "PUT", "customers/1" },
        { "DELETE", "customers/1" },
        { "POST", "customers/1/validate" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_X_Auth_Token_every_route_is_401_with_exactly_the_V2_body(string method, string url)
    {
        var store = await StoreWithVictimAsync();
        var before = await store.CustomerTextAsync();

        var response = await store.V2With(null).SendAsync(Request(method, url));

        await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized);
        await ShouldBeUntouchedAsync(store, before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_empty_blank_or_unknown_token_is_401_on_every_route(string method, string url)
    {
        var store = await StoreWithVictimAsync();
        var before = await store.CustomerTextAsync();

        foreach (var token in new[] { "", "   ", "not-a-token", store.Token.ToUpperInvariant(), store.Token[..^1], store.Token + "0" })
        {
            var request = Request(method, url);
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token).ShouldBeTrue();

            var response = await store.V2With(null).SendAsync(request);

            (await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, $"token [{token}]")).ShouldNotContain(VictimEmail);
        }

        await ShouldBeUntouchedAsync(store, before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_stores_valid_token_is_401_on_this_stores_routes_and_reads_and_changes_nothing(string method, string url)
    {
        var store = await StoreWithVictimAsync();
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("intruder@example.com");
        var before = await store.CustomerTextAsync();

        var response = await store.V2With(other.Token).SendAsync(Request(method, url));

        var text = await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized);
        text.ShouldNotContain(VictimEmail);
        await ShouldBeUntouchedAsync(store, before);
        (await other.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await other.V2.GetFromJsonCountAsync($"?email={VictimEmail}")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_unknown_store_hash_is_401_even_with_a_valid_token(string method, string url)
    {
        var store = await StoreWithVictimAsync();
        var before = await store.CustomerTextAsync();

        foreach (var hash in new[] { "nosuchstore", store.Hash + "x", store.Hash[..^1], ApiFactory.BootstrapStore.Hash + "-not" })
        {
            var client = TestStore.Client(store.Factory, store.Token, $"http://localhost/stores/{hash}/v2/");

            var response = await client.SendAsync(Request(method, url));

            (await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, hash)).ShouldNotContain(VictimEmail);
        }

        await ShouldBeUntouchedAsync(store, before);
    }

    [Fact]
    public async Task A_read_only_token_may_list_count_and_get()
    {
        var store = await api.NewStoreAsync();
        var readOnly = await store.AddTokenAsync("store_v2_customers_read_only");
        await store.CreateCustomerAsync(VictimEmail);
        await store.CreateCustomerAsync("second@example.com");

        var list = await (await readOnly.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK);
        var count = await (await readOnly.GetAsync("customers/count")).ShouldBeAsync(HttpStatusCode.OK);
        var one = await (await readOnly.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK);
        var filtered = await (await readOnly.GetAsync("customers?email=second@example.com")).ShouldBeAsync(HttpStatusCode.OK);

        list.EnumerateArray().Select(c => c.GetProperty("email").GetString()).ShouldBe([VictimEmail, "second@example.com"]);
        count.GetProperty("count").GetInt32().ShouldBe(2);
        one.GetProperty("email").GetString().ShouldBe(VictimEmail);
        filtered.EnumerateArray().Single().GetProperty("id").GetInt32().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_read_only_token_gets_403_on_every_write_and_validate_and_nothing_is_written(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var readOnly = await store.AddTokenAsync("store_v2_customers_read_only");
        await CreateVictimAsync(store);
        var before = await store.CustomerTextAsync();

        var response = await readOnly.SendAsync(Request(method, url));

        await ShouldBeExactlyAsync(response, HttpStatusCode.Forbidden, Forbidden);
        await ShouldBeUntouchedAsync(store, before);
    }

    [Theory]
    [InlineData("store_v2_orders")]
    [InlineData("store_v2_orders_read_only")]
    [InlineData("store_v2_customers_login")]
    [InlineData("store_stored_payment_instruments")]
    [InlineData("store_v2_customers_read")]
    [InlineData("STORE_V2_CUSTOMERS")]
    [InlineData("store_v2_customers_read_only_extra")]
    public async Task A_token_without_a_customers_scope_gets_403_on_every_route_even_get(string scope)
    {
        var store = await api.NewStoreAsync();
        var unrelated = await store.AddTokenAsync(scope);
        await CreateVictimAsync(store);
        var before = await store.CustomerTextAsync();

        foreach (var (method, url) in RouteList())
        {
            var response = await unrelated.SendAsync(Request(method, url));

            (await ShouldBeExactlyAsync(response, HttpStatusCode.Forbidden, Forbidden, $"{method} {url}")).ShouldNotContain(VictimEmail);
        }

        await ShouldBeUntouchedAsync(store, before);
    }

    [Fact]
    public async Task A_token_with_several_scopes_is_granted_by_the_one_that_fits()
    {
        var store = await api.NewStoreAsync();
        var mixed = await store.AddTokenAsync("store_v2_orders", "store_v2_customers_read_only", "store_v2_customers");
        var readAndOrders = await store.AddTokenAsync("store_v2_orders", "store_v2_customers_read_only");

        (await (await mixed.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "mixed@example.com" }))
            .ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32().ShouldBe(1);
        (await readAndOrders.GetFromJsonCountAsync()).ShouldBe(1);
        await ShouldBeExactlyAsync(await readAndOrders.DeleteAsync("customers/1"), HttpStatusCode.Forbidden, Forbidden);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("anything")]
    [InlineData("")]
    [InlineData("some-client-id-of-another-app")]
    public async Task X_Auth_Client_is_ignored(string clientId)
    {
        var store = await api.NewStoreAsync();
        var client = store.V2With(store.Token);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Client", clientId).ShouldBeTrue();
        var withoutToken = store.V2With(null);
        withoutToken.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Client", clientId).ShouldBeTrue();

        (await (await client.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "client@example.com" }))
            .ShouldBeAsync(HttpStatusCode.Created)).GetProperty("email").GetString().ShouldBe("client@example.com");
        (await client.GetFromJsonCountAsync()).ShouldBe(1);
        await ShouldBeExactlyAsync(await withoutToken.GetAsync("customers/count"), HttpStatusCode.Unauthorized, Unauthorized);
    }

    [Fact]
    public async Task Authenticated_answers_carry_the_four_rate_limit_headers_and_requests_left_goes_down()
    {
        var store = await api.NewStoreAsync();

        var answers = new List<HttpResponseMessage>
        {
            await store.V2.GetAsync("customers/count"),
            await store.V2.PostJsonAsync("customers", new { first_name = "A", last_name = "B", email = "rate@example.com" }),
            await store.V2.GetAsync("customers"),
            await store.V2.GetAsync("customers/99"),
            await store.V2.PostJsonAsync("customers", new { first_name = "A" }),
            await store.V2.DeleteAsync("customers/1"),
            await store.V2.GetAsync("customers"),
        };

        answers.Select(a => (int)a.StatusCode).ShouldBe([200, 201, 200, 404, 400, 204, 204]);
        var left = new List<long>();
        foreach (var answer in answers)
        {
            var window = Header(answer, "X-Rate-Limit-Time-Window-Ms");
            var reset = Header(answer, "X-Rate-Limit-Time-Reset-Ms");
            var quota = Header(answer, "X-Rate-Limit-Requests-Quota");
            var remaining = Header(answer, "X-Rate-Limit-Requests-Left");
            window.ShouldBeGreaterThan(0);
            reset.ShouldBeInRange(0, window);
            quota.ShouldBeGreaterThan(0);
            remaining.ShouldBeInRange(0, quota - 1);
            left.Add(remaining);
        }

        for (var i = 1; i < left.Count; i++)
        {
            left[i].ShouldBeLessThan(left[i - 1], $"answer {i}: X-Rate-Limit-Requests-Left went {left[i - 1]} -> {left[i]}");
        }
    }

    [Fact]
    public async Task Each_store_has_its_own_rate_limit_quota()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.V2.GetAsync("customers/count");
        }

        var busy = await store.V2.GetAsync("customers/count");
        var fresh = await other.V2.GetAsync("customers/count");

        Header(fresh, "X-Rate-Limit-Requests-Left").ShouldBe(Header(fresh, "X-Rate-Limit-Requests-Quota") - 1);
        Header(busy, "X-Rate-Limit-Requests-Left").ShouldBe(Header(busy, "X-Rate-Limit-Requests-Quota") - 6);
    }

    private static IEnumerable<(string Method, string Url)> RouteList() =>
        Routes.Select(row => ((string)row[0], (string)row[1]));

    private static long Header(HttpResponseMessage response, string name)
    {
        response.Headers.TryGetValues(name, out var values).ShouldBeTrue($"{name} missing on {(int)response.StatusCode}");
        return long.Parse(values!.Single(), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A request that, let through, would read or change customer 1 (or create one).</summary>
    private static HttpRequestMessage Request(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        var body = (method, url) switch
        {
            ("POST", "customers") => """{"first_name":"Mallory","last_name":"Doe","email":"mallory@example.com"}""",
            ("PUT", _) => $$$"""{"company":"Hacked","email":"mallory@example.com","_authentication":{"password":"{{{Passwords.Other}}}"}}""",
            ("POST", _) => $$"""{"password":"{{Passwords.Good}}"}""",
            _ => null,
        };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<TestStore> StoreWithVictimAsync()
    {
        var store = await api.NewStoreAsync();
        await CreateVictimAsync(store);
        return store;
    }

    private static Task<JsonElement> CreateVictimAsync(TestStore store) =>
        store.CreateCustomerAsync(VictimEmail, new { company = "Acme", _authentication = new { password = Passwords.Good } });

    private static async Task<string> ShouldBeExactlyAsync(HttpResponseMessage response, HttpStatusCode status, string body, string? because = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{because} {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", because);
        text.ShouldBe(body, because);
        return text;
    }

    /// <summary>The store still has just its customer 1, unchanged, with its password.</summary>
    private static async Task ShouldBeUntouchedAsync(TestStore store, string before)
    {
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.CustomerTextAsync()).ShouldBe(before);
        (await store.PasswordMatchesAsync(Passwords.Good)).ShouldBeTrue();
        (await store.PasswordMatchesAsync(Passwords.Other)).ShouldBeFalse();
    }
}

public sealed class AuthTests_Sqlite(SqliteApi api) : AuthTests(api), IClassFixture<SqliteApi>;

public sealed class AuthTests_Postgres(PostgresApi api) : AuthTests(api), IClassFixture<PostgresApi>;
