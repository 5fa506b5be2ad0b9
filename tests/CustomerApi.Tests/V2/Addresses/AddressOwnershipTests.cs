using System.Net;
using System.Text;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Addresses;

/// <summary>Whose addresses are whose: unknown customers, other customers, other stores, cascades, scopes.</summary>
public abstract class AddressOwnershipTests(ApiFixture api)
{
    private const string NotFound = """[{"status":404,"message":"The requested resource was not found."}]""";
    private const string Forbidden = """[{"status":403,"message":"You don't have a required scope to access the endpoint"}]""";

    /// <summary>Every address route, relative to <c>customers/{id}/</c>, with a body that would succeed.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "addresses" },
        { "POST", "addresses" },
        { "DELETE", "addresses" },
        { "GET", "addresses/count" },
        { "GET", "addresses/1" },
        { "PUT", "addresses/1" },
        { "DELETE", "addresses/1" },
    };

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "addresses" },
        { "DELETE", "addresses" },
        { "PUT", "addresses/1" },
        { "DELETE", "addresses/1" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_of_an_unknown_customer_is_404_and_creates_nothing(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);

        var response = await store.V2.SendAsync(Request(method, $"customers/{customerId + 1}/{url}"));

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound)).ToString().ShouldBe(NotFound, StringCompareShould.IgnoreLineEndings);
        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
        (await store.CreateAddressAsync(customerId)).GetProperty("id").GetInt32().ShouldBe(2); // no id was spent
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_customers_address_is_404_and_stays_as_it_is(string method)
    {
        var store = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");
        await store.CreateAddressAsync(jane);
        var before = await store.AddressesTextAsync(jane);

        var response = await store.V2.SendAsync(Request(method, $"customers/{john}/addresses/1"));

        await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await store.AddressesTextAsync(jane)).ShouldBe(before);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_unknown_address_id_is_404(string method)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);

        await (await store.V2.SendAsync(Request(method, $"customers/{customerId}/addresses/2"))).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.SendAsync(Request(method, $"customers/{customerId}/addresses/abc"))).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_stores_customer_and_addresses_are_404_and_untouched(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        var customerId = await other.NewCustomerAsync();
        await other.CreateAddressAsync(customerId);
        var before = await other.AddressesTextAsync(customerId);

        var response = await store.V2.SendAsync(Request(method, $"customers/{customerId}/{url}"));

        await response.ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await other.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    [Fact]
    public async Task Stores_with_the_same_customer_and_address_ids_see_only_their_own()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateAddressAsync(await store.NewCustomerAsync(), new { city = "Austin" });
        await other.CreateAddressAsync(await other.NewCustomerAsync(), new { city = "Sydney", country = "Australia", state = "New South Wales" });

        (await store.V2.DeleteAsync("customers/1/addresses")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.AddressCountAsync(1)).ShouldBe(0);
        var theirs = await (await other.V2.GetAsync("customers/1/addresses/1")).ShouldBeAsync(HttpStatusCode.OK);
        theirs.GetProperty("city").GetString().ShouldBe("Sydney");
        theirs.GetProperty("country_iso2").GetString().ShouldBe("AU");
    }

    [Fact]
    public async Task Deleting_a_customer_deletes_its_addresses_and_no_one_elses()
    {
        var store = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");
        await store.CreateAddressAsync(jane);
        await store.CreateAddressAsync(john);

        (await store.V2.DeleteAsync($"customers/{jane}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await store.V2.GetAsync($"customers/{jane}/addresses/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await store.AddressCountAsync(john)).ShouldBe(1);
        (await store.V2.DeleteAsync("customers")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await store.NewCustomerAsync("john@example.com");
        (await store.V2.GetAsync($"customers/{again}/addresses")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_read_only_token_gets_403_on_every_write_and_nothing_is_written(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V2With(await store.NewTokenAsync("store_v2_customers_read_only"));
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);

        var response = await readOnly.SendAsync(Request(method, $"customers/{customerId}/{url}"));

        (await response.ShouldBeV2ErrorAsync(HttpStatusCode.Forbidden)).ToString().ShouldBe(Forbidden, StringCompareShould.IgnoreLineEndings);
        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_read_only_token_may_read()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V2With(await store.NewTokenAsync("store_v2_customers_read_only"));
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);

        (await (await readOnly.GetAsync($"customers/{customerId}/addresses")).ShouldBeAsync(HttpStatusCode.OK)).Ids().ShouldBe([1]);
        await (await readOnly.GetAsync($"customers/{customerId}/addresses/1")).ShouldBeAsync(HttpStatusCode.OK);
        await (await readOnly.GetAsync($"customers/{customerId}/addresses/count")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_token_every_route_is_401()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);

        foreach (var (method, url) in new[] { ("GET", "addresses"), ("POST", "addresses"), ("DELETE", "addresses"), ("PUT", "addresses/1") })
        {
            await (await store.V2With(null).SendAsync(Request(method, $"customers/{customerId}/{url}"))).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
        }

        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    private static HttpRequestMessage Request(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        var body = method switch
        {
            "POST" => System.Text.Json.JsonSerializer.Serialize(AddressCalls.Body()),
            "PUT" => """{"city":"Elsewhere","country":"France"}""",
            _ => null,
        };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}

public sealed class AddressOwnershipTests_Sqlite(SqliteApi api) : AddressOwnershipTests(api), IClassFixture<SqliteApi>;

public sealed class AddressOwnershipTests_Postgres(PostgresApi api) : AddressOwnershipTests(api), IClassFixture<PostgresApi>;
