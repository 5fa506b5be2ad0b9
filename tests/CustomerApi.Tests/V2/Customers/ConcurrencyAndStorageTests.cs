using System.Net;
using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.V2.Customers;

public abstract class ConcurrencyAndStorageTests(ApiFixture api)
{
    [Fact]
    public async Task Concurrent_creates_with_one_email_give_exactly_one_201_and_the_rest_409()
    {
        var store = await api.NewStoreAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            store.V2.PostJsonAsync("customers", new { first_name = "R", last_name = i.ToString(System.Globalization.CultureInfo.InvariantCulture), email = "race@example.com" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(19);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_creates_with_different_emails_get_distinct_consecutive_ids()
    {
        var store = await api.NewStoreAsync();

        var created = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
            (await store.CreateCustomerAsync($"c{i}@example.com")).GetProperty("id").GetInt32()));

        created.Order().ShouldBe(Enumerable.Range(1, 20));
    }

    [Fact]
    public async Task Deleting_a_customer_leaves_no_row_of_it_behind()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("gone@example.com", new { _authentication = new { password = Passwords.Good } });
        await store.CreateCustomerAsync("stays@example.com");

        (await store.V2.DeleteAsync("customers/1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var storeId = await db.Stores.Where(s => s.Hash == store.Hash).Select(s => s.Id).SingleAsync();
        (await db.Customers.Where(c => c.StoreId == storeId).Select(c => c.Email).ToListAsync()).ShouldBe(["stays@example.com"]);
    }

    [Fact]
    public async Task Passwords_are_stored_hashed_never_in_plain_text()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("hashed@example.com", new { _authentication = new { password = Passwords.Good } });

        await using var scope = store.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var hash = await db.Customers.Where(c => c.Email == "hashed@example.com" && db.Stores.Any(s => s.Id == c.StoreId && s.Hash == store.Hash))
            .Select(c => c.PasswordHash).SingleAsync();
        hash.ShouldNotBeNullOrEmpty();
        hash.ShouldNotContain(Passwords.Good);
    }
}

public sealed class ConcurrencyAndStorageTests_Sqlite(SqliteApi api) : ConcurrencyAndStorageTests(api), IClassFixture<SqliteApi>;

public sealed class ConcurrencyAndStorageTests_Postgres(PostgresApi api) : ConcurrencyAndStorageTests(api), IClassFixture<PostgresApi>;
