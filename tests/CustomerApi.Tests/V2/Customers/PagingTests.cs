using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

public abstract class PagingTests(ApiFixture api)
{
    [Fact]
    public async Task Default_limit_is_50_and_page_2_continues_by_id()
    {
        var store = await api.NewStoreAsync();
        await CreateAsync(store, 55);

        (await store.V2.IdsAsync()).ShouldBe(Enumerable.Range(1, 50));
        (await store.V2.IdsAsync("page=1")).ShouldBe(Enumerable.Range(1, 50));
        (await store.V2.IdsAsync("page=2")).ShouldBe(Enumerable.Range(51, 5));
        (await store.V2.IdsAsync("page=3")).ShouldBeEmpty();
        (await store.V2.IdsAsync("limit=250")).ShouldBe(Enumerable.Range(1, 55));
        (await store.V2.IdsAsync("limit=51")).ShouldBe(Enumerable.Range(1, 51));
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(55);
    }

    [Theory]
    [InlineData("limit=2", new[] { 1, 2 })]
    [InlineData("limit=2&page=1", new[] { 1, 2 })]
    [InlineData("limit=2&page=2", new[] { 3, 4 })]
    [InlineData("page=3&limit=2", new[] { 5 })]
    [InlineData("limit=1", new[] { 1 })]
    [InlineData("limit=1&page=4", new[] { 4 })]
    [InlineData("limit=3&page=2", new[] { 4, 5 })]
    [InlineData("limit=5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("limit=250", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("limit=250&page=1", new[] { 1, 2, 3, 4, 5 })]
    public async Task Limit_and_page_take_a_slice_of_the_list_by_id(string query, int[] expected)
    {
        var store = await api.NewStoreAsync();
        await CreateAsync(store, 5);

        (await store.V2.IdsAsync(query)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("page=2&limit=5")]
    [InlineData("page=4&limit=2")]
    [InlineData("page=6&limit=1")]
    [InlineData("page=2")]
    [InlineData("page=2&limit=250")]
    [InlineData("page=2147483647&limit=250")]
    [InlineData("page=2147483647")]
    [InlineData("page=8589934&limit=250")]
    public async Task A_page_past_the_end_is_204_with_an_empty_body(string query)
    {
        var store = await api.NewStoreAsync();
        await CreateAsync(store, 5);

        await (await store.V2.GetAsync("customers?" + query)).ShouldBeEmptyNoContentAsync();
    }

    [Fact]
    public async Task Paging_applies_to_the_filtered_list()
    {
        var store = await api.NewStoreAsync();
        for (var i = 1; i <= 7; i++)
        {
            await store.CreateCustomerAsync($"c{i}@example.com", new { company = i % 2 == 0 ? "Even" : "Odd" });
        }

        (await store.V2.IdsAsync("company=Even&limit=2")).ShouldBe([2, 4]);
        (await store.V2.IdsAsync("company=Even&limit=2&page=2")).ShouldBe([6]);
        (await store.V2.IdsAsync("company=Even&limit=2&page=3")).ShouldBeEmpty();
        (await store.V2.IdsAsync("min_id=3&limit=2&page=2")).ShouldBe([5, 6]);
    }

    [Theory]
    [InlineData("251")]
    [InlineData("1000")]
    public async Task A_limit_over_250_is_413_naming_the_limit(string limit)
    {
        var store = await api.NewStoreAsync();
        await CreateAsync(store, 1);

        var errors = await (await store.V2.GetAsync("customers?limit=" + limit)).ShouldBeV2ErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        errors[0].GetProperty("message").GetString()!.ShouldContain("limit");
        errors[0].GetProperty("message").GetString()!.ShouldContain("250");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=0&limit=10", "page")]
    public async Task A_bad_page_or_limit_is_400_naming_it(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CreateAsync(store, 1);

        await (await store.V2.GetAsync("customers?" + query)).ShouldBeV2BadRequestNamingAsync(field);
    }

    private static async Task CreateAsync(TestStore store, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            (await store.CreateCustomerAsync($"customer{i}@example.com")).GetProperty("id").GetInt32().ShouldBe(i);
        }
    }
}

public sealed class PagingTests_Sqlite(SqliteApi api) : PagingTests(api), IClassFixture<SqliteApi>;

public sealed class PagingTests_Postgres(PostgresApi api) : PagingTests(api), IClassFixture<PostgresApi>;
