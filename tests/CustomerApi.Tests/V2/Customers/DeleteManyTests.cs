using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

public abstract class DeleteManyTests(ApiFixture api)
{
    [Fact]
    public async Task Delete_without_a_filter_removes_every_customer_of_the_store_and_answers_204_empty()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers")).ShouldBeEmptyNoContentAsync();

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await store.V2.IdsAsync()).ShouldBeEmpty();
        await (await store.V2.GetAsync("customers/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_without_a_filter_leaves_other_stores_alone()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);
        await CustomerListing.SeedAsync(other);

        await (await store.V2.DeleteAsync("customers")).ShouldBeEmptyNoContentAsync();

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        (await other.V2.GetFromJsonCountAsync()).ShouldBe(4);
        (await other.V2.IdsAsync()).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task Delete_on_an_empty_store_is_204()
    {
        var store = await api.NewStoreAsync();

        await (await store.V2.DeleteAsync("customers")).ShouldBeEmptyNoContentAsync();
    }

    [Theory]
    [MemberData(nameof(CustomerListing.FilterCases), MemberType = typeof(CustomerListing))]
    public async Task Delete_with_filters_removes_exactly_the_customers_the_list_would_return(string query, int[] matching)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers?" + query)).ShouldBeEmptyNoContentAsync();

        (await store.V2.IdsAsync()).ShouldBe(Enumerable.Range(1, 4).Except(matching), $"DELETE customers?{query}");
    }

    [Fact]
    public async Task Delete_with_min_id_keeps_the_customers_below_it()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers?min_id=2")).ShouldBeEmptyNoContentAsync();

        (await store.V2.IdsAsync()).ShouldBe([1]);
        (await (await store.V2.GetAsync("customers/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("email").GetString().ShouldBe("jane@example.com");
    }

    [Fact]
    public async Task Delete_with_an_email_filter_removes_only_that_customer_ignoring_case()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers?email=%20Janet%40example.COM")).ShouldBeEmptyNoContentAsync();

        (await store.V2.IdsAsync()).ShouldBe([1, 2, 3]);
        await (await store.V2.GetAsync("customers/4")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_email_of_a_customer_deleted_by_filter_can_be_used_again()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);
        await (await store.V2.DeleteAsync("customers?email=john%40example.com")).ShouldBeEmptyNoContentAsync();

        (await store.CreateCustomerAsync("john@example.com")).GetProperty("id").GetInt32().ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(CustomerListing.UnknownParameters), MemberType = typeof(CustomerListing))]
    public async Task Delete_with_an_unknown_parameter_is_400_and_deletes_nothing(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers?" + query)).ShouldBeV2BadRequestAsync(CustomerListing.NotSupported(field));

        (await store.V2.IdsAsync()).ShouldBe([1, 2, 3, 4]);
    }

    [Theory]
    [MemberData(nameof(CustomerListing.InvalidValues), MemberType = typeof(CustomerListing))]
    public async Task Delete_with_an_invalid_filter_value_is_400_and_deletes_nothing(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.DeleteAsync("customers?" + query)).ShouldBeV2BadRequestNamingAsync(field);

        (await store.V2.IdsAsync()).ShouldBe([1, 2, 3, 4]);
    }
}

public sealed class DeleteManyTests_Sqlite(SqliteApi api) : DeleteManyTests(api), IClassFixture<SqliteApi>;

public sealed class DeleteManyTests_Postgres(PostgresApi api) : DeleteManyTests(api), IClassFixture<PostgresApi>;
