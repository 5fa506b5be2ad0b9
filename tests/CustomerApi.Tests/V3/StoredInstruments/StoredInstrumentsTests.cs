using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3.StoredInstruments;

/// <summary>
/// <c>GET customers/{customerId}/stored-instruments</c>: the emulator stores no payment data, so a known customer's
/// list is a bare <c>[]</c>; it answers only a token with the stored payment instruments scope (or its read-only twin).
/// </summary>
public abstract class StoredInstrumentsTests(ApiFixture api)
{
    private const string Instruments = "store_stored_payment_instruments";

    private static readonly string Unauthorized = ErrorBody(401,
        "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.");

    private static readonly string Forbidden = ErrorBody(403, "You don't have a required scope to access the endpoint");

    private static readonly string NotFound = ErrorBody(404, "The resource at that URL is not found.");

    private static string Url(int customerId) => $"customers/{customerId}/stored-instruments";

    /// <summary>A store with customers 1 to <paramref name="customers"/>, and a V3 client with a token of <paramref name="scopes"/>.</summary>
    private async Task<(TestStore Store, HttpClient Client)> StoreAsync(int customers, params string[] scopes)
    {
        var store = await api.NewStoreAsync();
        var client = store.V3With(await store.NewTokenAsync(scopes));
        for (var i = 1; i <= customers; i++)
        {
            (await store.CreateCustomerAsync($"c{i}@example.com")).GetProperty("id").GetInt32().ShouldBe(i);
        }

        return (store, client);
    }

    private static async Task ShouldBeExactlyAsync(HttpResponseMessage response, HttpStatusCode status, string body)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        text.ShouldBe(body);
    }

    [Theory]
    [InlineData(Instruments)]
    [InlineData(Instruments + "_read_only")]
    [InlineData(Instruments, "store_v2_customers")]
    public async Task A_known_customer_has_no_stored_instruments_a_bare_empty_array(params string[] scopes)
    {
        var (_, client) = await StoreAsync(2, scopes);

        var first = await client.GetAsync(Url(1));
        var second = await client.GetAsync(Url(2));

        await ShouldBeExactlyAsync(first, HttpStatusCode.OK, "[]");
        await ShouldBeExactlyAsync(second, HttpStatusCode.OK, "[]");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task An_unknown_customer_is_404(int customerId)
    {
        var (_, client) = await StoreAsync(2, Instruments + "_read_only");

        var response = await client.GetAsync(Url(customerId));

        await ShouldBeExactlyAsync(response, HttpStatusCode.NotFound, NotFound);
    }

    [Fact]
    public async Task A_deleted_customer_is_404()
    {
        var (store, client) = await StoreAsync(2, Instruments);
        (await store.V2.DeleteAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ShouldBeExactlyAsync(await client.GetAsync(Url(1)), HttpStatusCode.NotFound, NotFound);
        await ShouldBeExactlyAsync(await client.GetAsync(Url(2)), HttpStatusCode.OK, "[]");
    }

    [Theory]
    [InlineData("store_v2_customers")]
    [InlineData("store_v2_customers_read_only")]
    [InlineData("store_v2_orders")]
    [InlineData("STORE_STORED_PAYMENT_INSTRUMENTS")]
    [InlineData("store_stored_payment_instrument")]
    public async Task A_token_without_the_instruments_scope_is_403_even_for_a_known_customer(string scope)
    {
        var (_, client) = await StoreAsync(1, scope);

        var known = await client.GetAsync(Url(1));
        var unknown = await client.GetAsync(Url(2));

        await ShouldBeExactlyAsync(known, HttpStatusCode.Forbidden, Forbidden);
        await ShouldBeExactlyAsync(unknown, HttpStatusCode.Forbidden, Forbidden);
    }

    [Fact]
    public async Task Without_a_token_or_with_an_unknown_one_it_is_401()
    {
        var (store, _) = await StoreAsync(1, Instruments);

        var anonymous = await store.V3With(null).GetAsync(Url(1));
        var unknown = await store.V3With("not-a-token").GetAsync(Url(1));

        await ShouldBeExactlyAsync(anonymous, HttpStatusCode.Unauthorized, Unauthorized);
        await ShouldBeExactlyAsync(unknown, HttpStatusCode.Unauthorized, Unauthorized);
    }

    [Fact]
    public async Task The_list_answers_only_a_GET()
    {
        var (_, client) = await StoreAsync(1, Instruments);

        foreach (var method in new[] { "POST", "PUT", "DELETE" })
        {
            var response = await client.SendAsync(Request(method, Url(1), method == "DELETE" ? null : "[]"));

            await response.ShouldBeV3ErrorAsync(HttpStatusCode.MethodNotAllowed);
        }
    }

    [Fact]
    public async Task A_customer_only_another_store_has_is_404_and_another_stores_token_is_401()
    {
        var (a, aClient) = await StoreAsync(1, Instruments);
        var (b, bClient) = await StoreAsync(3, Instruments);

        var onlyInB = await aClient.GetAsync(Url(3));
        var crossed = await a.V3With(b.Token).GetAsync(Url(1));

        await ShouldBeExactlyAsync(onlyInB, HttpStatusCode.NotFound, NotFound);
        await ShouldBeExactlyAsync(crossed, HttpStatusCode.Unauthorized, Unauthorized);
        await ShouldBeExactlyAsync(await bClient.GetAsync(Url(3)), HttpStatusCode.OK, "[]");
    }
}

public sealed class StoredInstrumentsTests_Sqlite(SqliteApi api) : StoredInstrumentsTests(api), IClassFixture<SqliteApi>;

public sealed class StoredInstrumentsTests_Postgres(PostgresApi api) : StoredInstrumentsTests(api), IClassFixture<PostgresApi>;
