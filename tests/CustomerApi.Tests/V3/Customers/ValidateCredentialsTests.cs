using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>POST customers/validate-credentials</c>: the same customers and password check as V2, answered bare.</summary>
public abstract class ValidateCredentialsTests(ApiFixture api)
{
    private const string Url = "customers/validate-credentials";

    private static async Task<int> CustomerWithPasswordAsync(TestStore store, string email) =>
        (await store.CreateCustomerAsync(email, new { _authentication = new { password = Passwords.Good } })).GetProperty("id").GetInt32();

    [Fact]
    public async Task The_right_password_is_valid_with_the_customers_id_and_the_body_is_not_in_data()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("first@example.com");
        var id = await CustomerWithPasswordAsync(store, "jane@example.com");

        var response = await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good });

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["is_valid", "customer_id"]);
        body.GetProperty("is_valid").GetBoolean().ShouldBeTrue();
        body.GetProperty("customer_id").GetInt32().ShouldBe(id);
        id.ShouldBe(2);
    }

    [Theory]
    [InlineData("JANE@EXAMPLE.COM")]
    [InlineData("  Jane@Example.com ")]
    public async Task The_email_matches_ignoring_case_and_surrounding_spaces(string email)
    {
        var store = await api.NewStoreAsync();
        var id = await CustomerWithPasswordAsync(store, "jane@example.com");

        var body = await (await store.V3.PostJsonAsync(Url, new { email, password = Passwords.Good, channel_id = 1 })).ShouldBeAsync(HttpStatusCode.OK);

        body.GetProperty("customer_id").GetInt32().ShouldBe(id);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_email_and_a_customer_without_a_password_are_not_valid_and_name_no_customer()
    {
        var store = await api.NewStoreAsync();
        await CustomerWithPasswordAsync(store, "jane@example.com");
        await store.CreateCustomerAsync("nopassword@example.com");

        foreach (var (email, password) in new[]
        {
            ("jane@example.com", Passwords.Other), ("nobody@example.com", Passwords.Good), ("nopassword@example.com", Passwords.Good),
            ("jane@example.com", ""),
        })
        {
            var body = await (await store.V3.PostJsonAsync(Url, new { email, password })).ShouldBeAsync(HttpStatusCode.OK);
            body.GetRawText().ShouldBe("""{"is_valid":false}""", $"{email} / {password}");
        }
    }

    [Fact]
    public async Task A_customer_made_through_V2_is_checked_through_V3_and_a_password_changed_through_V2_follows()
    {
        var store = await api.NewStoreAsync();
        var id = await CustomerWithPasswordAsync(store, "jane@example.com");
        (await store.V2.PutJsonAsync($"customers/{id}", new { _authentication = new { password = Passwords.Other } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await (await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("is_valid").GetBoolean().ShouldBeFalse();
        (await (await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Other })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("customer_id").GetInt32().ShouldBe(id);
    }

    [Fact]
    public async Task Another_stores_customer_is_not_valid_here_and_another_stores_token_is_401()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await CustomerWithPasswordAsync(other, "jane@example.com");

        (await (await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good })).ShouldBeAsync(HttpStatusCode.OK))
            .GetRawText().ShouldBe("""{"is_valid":false}""");

        (await store.V3With(other.Token).PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Fields_it_does_not_know_are_ignored()
    {
        var store = await api.NewStoreAsync();
        var id = await CustomerWithPasswordAsync(store, "jane@example.com");

        var body = await (await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good, remember_me = true }))
            .ShouldBeAsync(HttpStatusCode.OK);

        body.GetProperty("customer_id").GetInt32().ShouldBe(id);
    }

    [Fact]
    public async Task A_read_only_token_is_403()
    {
        var store = await api.NewStoreAsync("store_v2_customers_read_only");

        (await store.V3.PostJsonAsync(Url, new { email = "jane@example.com", password = Passwords.Good })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"password":"Correct1horse"}""", "email")]
    [InlineData("""{"email":"jane@example.com"}""", "password")]
    [InlineData("""{}""", "email", "password")]
    [InlineData("""{"email":"jane@example.com","password":"Correct1horse","channel_id":0}""", "channel_id")]
    public async Task Missing_or_bad_fields_are_422_naming_them(string json, params string[] fields)
    {
        var store = await api.NewStoreAsync();

        await (await store.V3.PostJsonAsync(Url, json)).ShouldBeInvalidBodyAsync(fields);
    }

    [Theory]
    [InlineData("""{"email":42,"password":"Correct1horse"}""")]
    [InlineData("""{"email":"jane@example.com","password":"Correct1horse","channel_id":"1"}""")]
    [InlineData("""[{"email":"jane@example.com","password":"Correct1horse"}]""")]
    [InlineData("""not json""")]
    public async Task A_body_of_the_wrong_shape_is_a_V3_error_not_a_500(string json)
    {
        var store = await api.NewStoreAsync();

        var response = await store.V3.PostJsonAsync(Url, json);

        ((int)response.StatusCode).ShouldBeOneOf(400, 422);
        await response.ShouldBeV3ErrorAsync(response.StatusCode);
    }

    [Fact]
    public async Task Past_the_stores_quota_of_checks_it_is_429_in_V3_shape_with_the_wait_and_other_stores_are_not_held_back()
    {
        var factory = await api.NewFactoryAsync(new Dictionary<string, string?>
        {
            ["RateLimit:ValidateCredentials:RequestsPerWindow"] = "3",
            ["RateLimit:ValidateCredentials:WindowMs"] = "60000",
        });
        var store = await TestStore.NewOnAsync(factory);
        var other = await TestStore.NewOnAsync(factory);
        var check = new { email = "jane@example.com", password = Passwords.Good };

        for (var i = 0; i < 3; i++)
        {
            (await store.V3.PostJsonAsync(Url, check)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await store.V3.PostJsonAsync(Url, check);
        var error = await refused.ShouldBeV3ErrorAsync(HttpStatusCode.TooManyRequests);
        error.GetProperty("status").GetInt32().ShouldBe(429);
        long.Parse(refused.Headers.GetValues("X-Retry-After").Single()).ShouldBeInRange(1, 60);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await other.V3.PostJsonAsync(Url, check)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await store.V2.GetAsync("customers/count")).StatusCode.ShouldBe(HttpStatusCode.OK); // the store's other calls go on
    }
}

public sealed class ValidateCredentialsTests_Sqlite(SqliteApi api) : ValidateCredentialsTests(api), IClassFixture<SqliteApi>;

public sealed class ValidateCredentialsTests_Postgres(PostgresApi api) : ValidateCredentialsTests(api), IClassFixture<PostgresApi>;
