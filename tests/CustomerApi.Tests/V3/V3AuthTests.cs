using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Who may call which V3 route: every route and method refuses a missing, unknown or foreign token with the V3 401,
/// a read-only token may GET and HEAD but gets the V3 403 on writes, and a refused request reads and changes nothing.
/// </summary>
public abstract class V3AuthTests(ApiFixture api)
{
    private static readonly string Unauthorized = ErrorBody(401,
        "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.");

    private static readonly string Forbidden = ErrorBody(403, "You don't have a required scope to access the endpoint");

    /// <summary>Every V3 route and method, with a body that would change the seeded store if it were let through.</summary>
    public static TheoryData<string, string, string?> Routes => new()
    {
        { "GET", AttributesUrl, null },
        { "HEAD", AttributesUrl, null },
        { "POST", AttributesUrl, """[{"name":"Intruder","type":"string"}]""" },
        { "PUT", AttributesUrl, """[{"id":1,"name":"Hacked"}]""" },
        { "DELETE", AttributesUrl + "?id:in=1", null },
        { "GET", ValuesUrl, null },
        { "HEAD", ValuesUrl, null },
        { "PUT", ValuesUrl, """[{"customer_id":1,"attribute_id":1,"value":"666"}]""" },
        { "DELETE", ValuesUrl + "?id:in=1", null },
    };

    public static TheoryData<string, string, string?> Writes => new()
    {
        { "POST", AttributesUrl, """[{"name":"Intruder","type":"string"}]""" },
        { "PUT", AttributesUrl, """[{"id":1,"name":"Hacked"}]""" },
        { "DELETE", AttributesUrl + "?id:in=1", null },
        { "PUT", ValuesUrl, """[{"customer_id":1,"attribute_id":1,"value":"666"}]""" },
        { "DELETE", ValuesUrl + "?id:in=1", null },
    };

    /// <summary>Writes whose bodies (or queries) are wrong in ways the service would answer 400 or 422 to.</summary>
    public static TheoryData<string, string, string> InvalidWrites => new()
    {
        { "POST", AttributesUrl, "{" },
        { "POST", AttributesUrl, "[]" },
        { "POST", AttributesUrl, """[{"name":"","type":"colour"}]""" },
        { "POST", AttributesUrl, """{"name":"Object","type":"string"}""" },
        { "PUT", AttributesUrl, """[{"id":"one"}]""" },
        { "PUT", AttributesUrl, "not json" },
        { "DELETE", AttributesUrl + "?id:in=abc", "" },
        { "PUT", ValuesUrl, """[{"customer_id":"1","attribute_id":1,"value":5}]""" },
        { "PUT", ValuesUrl, """[{"customer_id":1,"attribute_id":1,"value":"abc"}]""" },
        { "PUT", ValuesUrl, """[{"customer_id":1,""" },
        { "DELETE", ValuesUrl + "?id:in=-1", "" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_every_route_is_401_in_the_V3_format_and_changes_nothing(string method, string url, string? body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3With(null).SendAsync(Request(method, url, body));

        await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, method);
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_empty_or_unknown_token_is_401_on_every_route_and_changes_nothing(string method, string url, string? body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        foreach (var token in new[] { "", "   ", "not-a-token", store.Token.ToUpperInvariant(), store.Token[..^1], store.Token + "0" })
        {
            var request = Request(method, url, body);
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token).ShouldBeTrue();

            var response = await store.V3With(null).SendAsync(request);

            (await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, method, $"token [{token}]")).ShouldNotContain("Age");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_stores_valid_token_is_401_and_neither_store_changes(string method, string url, string? body)
    {
        var store = await SeededStoreAsync();
        var other = await api.NewStoreAsync();
        await other.SeedAsync("other@example.com");
        var before = await store.SnapshotAsync();
        var otherBefore = await other.SnapshotAsync();

        var response = await store.V3With(other.Token).SendAsync(Request(method, url, body));

        (await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, method)).ShouldNotContain("Age");
        (await store.SnapshotAsync()).ShouldBe(before);
        (await other.SnapshotAsync()).ShouldBe(otherBefore);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_unknown_store_hash_is_401_even_with_a_valid_token(string method, string url, string? body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        foreach (var hash in new[] { "nosuchstore", store.Hash + "x", store.Hash[..^1] })
        {
            var client = TestStore.Client(store.Factory, store.Token, $"http://localhost/stores/{hash}/v3/");

            var response = await client.SendAsync(Request(method, url, body));

            await ShouldBeExactlyAsync(response, HttpStatusCode.Unauthorized, Unauthorized, method, hash);
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_read_only_token_may_get_and_head_both_lists()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.SeedAsync();

        var attributes = await (await readOnly.GetAsync(AttributesUrl)).ShouldBeAsync(HttpStatusCode.OK);
        var values = await (await readOnly.GetAsync(ValuesUrl + "?customer_id:in=1")).ShouldBeAsync(HttpStatusCode.OK);
        var headAttributes = await readOnly.SendAsync(Request("HEAD", AttributesUrl));
        var headValues = await readOnly.SendAsync(Request("HEAD", ValuesUrl));

        var attribute = attributes.Data().Single();
        (attribute.GetProperty("id").GetInt32(), attribute.GetProperty("name").GetString(), attribute.GetProperty("type").GetString())
            .ShouldBe((1, "Age", "number"));
        var value = values.Data().Single();
        (value.GetProperty("customer_id").GetInt32(), value.GetProperty("attribute_id").GetInt32(), value.GetProperty("attribute_value").GetString())
            .ShouldBe((1, 1, "42"));
        headAttributes.StatusCode.ShouldBe(HttpStatusCode.OK);
        headValues.StatusCode.ShouldBe(HttpStatusCode.OK);
        headAttributes.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        headValues.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_read_only_token_gets_403_in_the_V3_format_on_every_write_and_nothing_is_written(string method, string url, string? body)
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.SeedAsync();
        var before = await store.SnapshotAsync();

        var response = await readOnly.SendAsync(Request(method, url, body));

        await ShouldBeExactlyAsync(response, HttpStatusCode.Forbidden, Forbidden, method);
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("store_v2_orders")]
    [InlineData("store_v2_orders_read_only")]
    [InlineData("store_v2_customers_login")]
    [InlineData("store_v2_customers_read")]
    [InlineData("STORE_V2_CUSTOMERS")]
    public async Task A_token_without_a_customers_scope_gets_403_on_every_route_even_get(string scope)
    {
        var store = await api.NewStoreAsync();
        var unrelated = store.V3With(await store.NewTokenAsync(scope));
        await store.SeedAsync();
        var before = await store.SnapshotAsync();

        foreach (var (method, url, body) in Routes.Select(row => ((string)row[0], (string)row[1], (string?)row[2])))
        {
            var response = await unrelated.SendAsync(Request(method, url, body));

            (await ShouldBeExactlyAsync(response, HttpStatusCode.Forbidden, Forbidden, method, $"{method} {url}")).ShouldNotContain("Age");
        }

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(InvalidWrites))]
    public async Task Auth_is_judged_before_the_body_a_read_only_token_gets_403_and_no_token_401_for_an_invalid_body(
        string method, string url, string body)
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only"));
        await store.SeedAsync();
        var before = await store.SnapshotAsync();
        var sent = body.Length == 0 ? null : body;

        var forbidden = await readOnly.SendAsync(Request(method, url, sent));
        var unauthorized = await store.V3With(null).SendAsync(Request(method, url, sent));

        await ShouldBeExactlyAsync(forbidden, HttpStatusCode.Forbidden, Forbidden, method);
        await ShouldBeExactlyAsync(unauthorized, HttpStatusCode.Unauthorized, Unauthorized, method);
        var judged = await store.V3.SendAsync(Request(method, url, sent));
        (await judged.ShouldBeV3ErrorAsync(judged.StatusCode)).GetProperty("status").GetInt32().ShouldBeOneOf(400, 422);
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_stores_full_token_may_use_every_route(string method, string url, string? body)
    {
        var store = await SeededStoreAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.SendAsync(Request(method, url, body));

        var expected = method == "DELETE" ? HttpStatusCode.NoContent : HttpStatusCode.OK;
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        var after = await store.SnapshotAsync();
        if (method is "GET" or "HEAD")
        {
            after.ShouldBe(before);
        }
        else
        {
            after.ShouldNotBe(before);
        }

        switch (method, url)
        {
            case ("GET", _):
                (await response.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().GetProperty("id").GetInt32().ShouldBe(1);
                break;
            case ("POST", _):
                (await store.AttributeNamesAsync()).ShouldBe(["Age", "Intruder"]);
                break;
            case ("PUT", AttributesUrl):
                (await store.AttributeNamesAsync()).ShouldBe(["Hacked"]);
                break;
            case ("PUT", ValuesUrl):
                (await store.ValueTextsAsync()).ShouldBe(["666"]);
                break;
            case ("DELETE", _):
                (await store.ValueTextsAsync()).ShouldBeEmpty(); // deleting the attribute deletes its values too
                (await store.AttributeNamesAsync()).ShouldBe(url.StartsWith(AttributesUrl + "?", StringComparison.Ordinal) ? [] : ["Age"]);
                break;
        }
    }

    private async Task<TestStore> SeededStoreAsync()
    {
        var store = await api.NewStoreAsync();
        await store.SeedAsync();
        return store;
    }

    /// <summary>Asserts the status, the JSON content type and the exact body (if any, for HEAD).</summary>
    private static async Task<string> ShouldBeExactlyAsync(HttpResponseMessage response, HttpStatusCode status, string body, string method, string? because = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{because} {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", because);
        if (method != "HEAD" || text.Length > 0)
        {
            text.ShouldBe(body, because); // a real server drops HEAD bodies; the in-memory test server keeps them
        }

        return text;
    }
}

public sealed class V3AuthTests_Sqlite(SqliteApi api) : V3AuthTests(api), IClassFixture<SqliteApi>;

public sealed class V3AuthTests_Postgres(PostgresApi api) : V3AuthTests(api), IClassFixture<PostgresApi>;
