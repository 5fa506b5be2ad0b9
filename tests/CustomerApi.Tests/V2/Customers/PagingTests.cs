using System.Net;
using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Pages_past_the_first_thousand_customers_continue_by_id_over_deleted_ids()
    {
        var store = await api.NewStoreAsync();
        await SeedInBulkAsync(store, 1210);
        (await store.V2.DeleteAsync("customers?min_id=1001&max_id=1100")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.DeleteAsync("customers/1150")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        int[] remaining = [.. Enumerable.Range(1, 1210).Where(id => id is (< 1001 or > 1100) and not 1150)];

        (await store.V2.IdsAsync("limit=250&page=5")).ShouldBe(remaining[1000..1109]); // offset 1000: the deep path
        (await store.V2.IdsAsync("limit=50&page=21")).ShouldBe(remaining[1000..1050]);
        (await store.V2.IdsAsync("limit=1&page=1001")).ShouldBe([1101]);
        (await store.V2.IdsAsync("limit=10&page=100")).ShouldBe(remaining[990..1000]); // offset 990: the shallow path
        (await store.V2.IdsAsync("limit=250&page=6")).ShouldBeEmpty();
        (await store.V2.IdsAsync("limit=10&page=101&min_id=1")).ShouldBe(remaining[1000..1010]); // filtered: the general path
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(remaining.Length);
    }

    /// <summary>Inserts customers 1..<paramref name="count"/> in one go (a thousand POSTs would be slow), counters included.</summary>
    private static async Task SeedInBulkAsync(TestStore store, int count)
    {
        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var row = await db.Stores.SingleAsync(s => s.Hash == store.Hash);
        var now = DateTime.UtcNow;
        db.Customers.AddRange(Enumerable.Range(1, count).Select(id => new Customer
        {
            StoreId = row.Id, Id = id, FirstName = "Bulk", LastName = $"{id}", Email = $"bulk{id}@example.com", EmailKey = $"bulk{id}@example.com",
            DateCreated = now, DateModified = now,
        }));
        row.LastCustomerId = count; // the triggers count the rows
        await db.SaveChangesAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT setval(('customer_ids_' || {row.Id})::regclass, {count})"); // PostgreSQL's ids come from here
        }
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
