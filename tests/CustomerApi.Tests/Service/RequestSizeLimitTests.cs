using System.Net;
using System.Text;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3.AttributeValues;

namespace CustomerApi.Tests.Service;

/// <summary>
/// URLs up to 32 KiB and headers up to 32 KiB together are served; longer ones get 414 and 431 in BigCommerce's bodies,
/// not Kestrel's bare answers. The in-memory test server enforces no limit of its own, so the last test runs on Kestrel.
/// </summary>
public abstract class RequestSizeLimitTests(ApiFixture api)
{
    private const int KiB = 1024;

    private static string Padding(int bytes) => new('a', bytes);

    /// <summary><c>DELETE customers/attribute-values?id:in=1,2,3,...</c> with as many ids as make the URL at least <paramref name="bytes"/> long.</summary>
    private static string DeleteValuesUrl(string storeHash, int bytes)
    {
        var url = new StringBuilder($"/stores/{storeHash}/v3/customers/attribute-values?id:in=1");
        for (var id = 2; url.Length < bytes; id++)
        {
            url.Append(',').Append(id);
        }

        return url.ToString();
    }

    [Fact]
    public async Task A_URL_over_32_KiB_is_414_in_the_body_of_its_version()
    {
        var store = await api.NewStoreAsync();

        var v2 = await (await store.V2.GetAsync($"customers?first_name={Padding(33 * KiB)}")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestUriTooLong);
        var v3 = await (await store.V3.GetAsync($"customers/attributes?name={Padding(33 * KiB)}")).ShouldBeV3ErrorAsync(HttpStatusCode.RequestUriTooLong);

        v2.Messages().ShouldBe(["The request URL is too long: at most 32768 bytes of path and query are accepted."]);
        v3.GetProperty("title").GetString().ShouldBe("The request URL is too long: at most 32768 bytes of path and query are accepted.");
    }

    [Fact]
    public async Task Headers_over_32_KiB_together_are_431_in_the_body_of_its_version()
    {
        var store = await api.NewStoreAsync();
        store.V2.DefaultRequestHeaders.Add("X-Padding", [Padding(17 * KiB), Padding(16 * KiB)]);
        store.V3.DefaultRequestHeaders.Add("X-Padding", Padding(33 * KiB));

        var v2 = await (await store.V2.GetAsync("customers")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
        var v3 = await (await store.V3.GetAsync("customers/attributes")).ShouldBeV3ErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        v2.Messages().ShouldBe(["The request headers are too large: at most 32768 bytes of headers are accepted."]);
        v3.GetProperty("title").GetString().ShouldBe("The request headers are too large: at most 32768 bytes of headers are accepted.");
    }

    [Fact]
    public async Task A_URL_and_headers_just_under_the_limits_are_served()
    {
        var store = await api.NewStoreAsync();
        store.V2.DefaultRequestHeaders.Add("X-Padding", Padding(30 * KiB));

        await (await store.V2.GetAsync($"customers/count?first_name={Padding(31 * KiB)}")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refused_oversized_write_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("kept@example.com");
        var before = await store.CustomerTextAsync();

        await (await store.V2.DeleteAsync($"customers?first_name=Jane&last_name={Padding(33 * KiB)}")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestUriTooLong);

        (await store.CustomerTextAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_limits_follow_their_settings()
    {
        await using var own = await OwnApi.StartAsync(api.Provider, new Dictionary<string, string?>
        {
            ["Limits:MaxUrlBytes"] = "2048",
            ["Limits:MaxRequestHeadersBytes"] = "4096",
        });
        var store = await own.NewStoreAsync();

        await (await store.V2.GetAsync($"customers/count?first_name={Padding(1900)}")).ShouldBeAsync(HttpStatusCode.OK);
        var url = await (await store.V2.GetAsync($"customers/count?first_name={Padding(2048)}")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestUriTooLong);
        store.V3.DefaultRequestHeaders.Add("X-Padding", Padding(4096));
        var headers = await (await store.V3.GetAsync("customers/attributes")).ShouldBeV3ErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);

        url.Messages().ShouldBe(["The request URL is too long: at most 2048 bytes of path and query are accepted."]);
        headers.GetProperty("title").GetString().ShouldBe("The request headers are too large: at most 4096 bytes of headers are accepted.");
    }

    [Fact]
    public async Task A_real_Kestrel_server_serves_a_20_KiB_URL_and_answers_longer_URLs_and_headers_with_bodies()
    {
        await using var own = await OwnApi.StartAsync(api.Provider, kestrel: true);
        var store = await own.NewStoreAsync();
        await store.CreateCustomersAsync(1);
        await store.CreateAttributesAsync(("Nickname", "string"), ("Age", "number"));
        await store.UpsertValuesAsync((1, 1, "Jo"), (1, 2, "30"));
        var (v2, v3) = (store.V2, store.V3);

        // Kestrel's own default refuses a request line over 8 KiB with a bare 414.
        var twentyKiB = DeleteValuesUrl(store.Hash, 20 * KiB);
        (await v3.DeleteAsync(twentyKiB)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.ValueIdsAsync()).ShouldBeEmpty();

        await (await v2.GetAsync($"customers?first_name={Padding(40 * KiB)}")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestUriTooLong);
        await (await v3.DeleteAsync(DeleteValuesUrl(store.Hash, 40 * KiB))).ShouldBeV3ErrorAsync(HttpStatusCode.RequestUriTooLong);

        // Kestrel's own default refuses more than 32 KiB of headers with a bare 431.
        v2.DefaultRequestHeaders.Add("X-Padding", Padding(40 * KiB));
        v3.DefaultRequestHeaders.Add("X-Padding", Padding(40 * KiB));
        await (await v2.GetAsync("customers")).ShouldBeV2ErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
        await (await v3.GetAsync("customers/attributes")).ShouldBeV3ErrorAsync(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }
}

public sealed class RequestSizeLimitTests_Sqlite(SqliteApi api) : RequestSizeLimitTests(api), IClassFixture<SqliteApi>;

public sealed class RequestSizeLimitTests_Postgres(PostgresApi api) : RequestSizeLimitTests(api), IClassFixture<PostgresApi>;
