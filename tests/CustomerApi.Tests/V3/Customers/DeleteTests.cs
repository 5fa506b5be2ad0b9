using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3.AttributeValues;

namespace CustomerApi.Tests.V3.Customers;

/// <summary><c>DELETE customers?id:in=...</c>: the store's customers of those ids go, with what hangs on them; always 204.</summary>
public abstract class DeleteTests(ApiFixture api)
{
    private static Task<int[]> V2IdsAsync(TestStore store) => store.V2.IdsAsync("limit=250");

    [Fact]
    public async Task The_listed_customers_go_with_their_addresses_and_attribute_values_and_the_rest_stay()
    {
        var store = await api.SeededStoreAsync();
        (await store.CreateCustomerAsync("customer3@example.com")).GetProperty("id").GetInt32().ShouldBe(3);
        foreach (var id in new[] { 1, 2, 3 })
        {
            await store.CreateAddressAsync(id);
        }

        (await store.PutValuesAsync(new[] { ValueSetup.Item(1, ValueSetup.Nickname, "one"), ValueSetup.Item(2, ValueSetup.Nickname, "two") }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V3.DeleteAsync("customers?id:in=1,3");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await V2IdsAsync(store)).ShouldBe([2]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
        (await store.V2.GetAsync("customers/1/addresses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.AddressesTextAsync(2)).ShouldNotBe("[]");
        (await store.ValuesAsync()).Select(v => v.GetProperty("customer_id").GetInt32()).ShouldBe([2]);
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("customers?id:in=")]
    [InlineData("customers?id:in=7,8")]
    public async Task Without_ids_or_with_unknown_ones_it_is_204_and_nothing_goes(string url)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(2);

        (await store.V3.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await V2IdsAsync(store)).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Another_stores_customers_of_the_same_ids_stay()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateCustomersAsync(1);
        await other.CreateCustomersAsync(2);

        (await store.V3.DeleteAsync("customers?id:in=1,2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await V2IdsAsync(store)).ShouldBeEmpty();
        (await V2IdsAsync(other)).ShouldBe([1, 2]);
        (await store.V3With(other.Token).DeleteAsync("customers?id:in=1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await V2IdsAsync(other)).ShouldBe([1, 2]);
    }

    [Theory]
    [InlineData("customers?id:in=abc", "id:in", "id:in")]
    [InlineData("customers?id:in=1,-2", "id:in", "id:in")]
    [InlineData("customers?email:in=a@example.com", "email:in")]
    public async Task A_bad_or_unknown_filter_is_422_and_nothing_goes(string url, string names, params string[] badValues)
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(1);

        await (await store.V3.DeleteAsync(url)).ShouldBeBadFilterAsync(names, badValues);

        (await V2IdsAsync(store)).ShouldBe([1]);
    }

    [Fact]
    public async Task A_read_only_token_is_403_and_nothing_goes()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync("store_v2_customers_read_only")); // before the store's tokens are cached
        await store.CreateCustomersAsync(1);

        (await readOnly.DeleteAsync("customers?id:in=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await V2IdsAsync(store)).ShouldBe([1]);
    }
}

public sealed class DeleteTests_Sqlite(SqliteApi api) : DeleteTests(api), IClassFixture<SqliteApi>;

public sealed class DeleteTests_Postgres(PostgresApi api) : DeleteTests(api), IClassFixture<PostgresApi>;
