using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;

namespace CustomerApi.Tests.V2.Customers;

public abstract class ListIsolationTests(ApiFixture api)
{
    [Fact]
    public async Task A_stores_list_and_count_hold_only_its_own_customers()
    {
        var (store, other) = await TwoStoresAsync();

        var list = await (await store.V2.GetAsync("customers")).ShouldBeAsync(HttpStatusCode.OK);

        list.EnumerateArray().Select(c => c.GetProperty("email").GetString()).ShouldBe(["shared@example.com", "mine@example.com"]);
        list.EnumerateArray().Select(c => c.GetProperty("company").GetString()).ShouldBe(["Home", "Home"]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
        (await other.V2.IdsAsync()).ShouldBe([1, 2, 3]);
        (await other.V2.GetFromJsonCountAsync()).ShouldBe(3);
    }

    [Theory]
    [InlineData("company=Away")]
    [InlineData("email=theirs%40example.com")]
    [InlineData("first_name=Otto")]
    [InlineData("min_id=3")]
    [InlineData("store_credit=99")]
    [InlineData("customer_group_id=5")]
    public async Task A_filter_cannot_reach_another_stores_customers(string query)
    {
        var (store, other) = await TwoStoresAsync();
        (await other.V2.IdsAsync(query)).ShouldNotBeEmpty("the other store has a match");

        (await store.V2.IdsAsync(query)).ShouldBeEmpty();
        (await store.V2.GetFromJsonCountAsync("?" + query)).ShouldBe(0);
    }

    [Fact]
    public async Task An_email_both_stores_hold_finds_only_this_stores_customer()
    {
        var (store, other) = await TwoStoresAsync();

        var mine = await (await store.V2.GetAsync("customers?email=SHARED%40example.com")).ShouldBeAsync(HttpStatusCode.OK);
        var theirs = await (await other.V2.GetAsync("customers?email=shared%40example.com")).ShouldBeAsync(HttpStatusCode.OK);

        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("company").GetString().ShouldBe("Home");
        mine[0].GetProperty("id").GetInt32().ShouldBe(1);
        theirs.GetArrayLength().ShouldBe(1);
        theirs[0].GetProperty("company").GetString().ShouldBe("Away");
        theirs[0].GetProperty("id").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("email=theirs%40example.com")]
    [InlineData("company=Away")]
    [InlineData("min_id=3")]
    [InlineData("email=shared%40example.com")]
    public async Task A_filtered_delete_cannot_reach_another_stores_customers(string query)
    {
        var (store, other) = await TwoStoresAsync();

        await (await store.V2.DeleteAsync("customers?" + query)).ShouldBeEmptyNoContentAsync();

        (await other.V2.IdsAsync()).ShouldBe([1, 2, 3]);
        (await other.V2.IdsAsync("email=shared%40example.com")).ShouldBe([2]);
    }

    [Fact]
    public async Task Paging_counts_only_this_stores_customers()
    {
        var (store, _) = await TwoStoresAsync();

        (await store.V2.IdsAsync("limit=1&page=2")).ShouldBe([2]);
        (await store.V2.IdsAsync("limit=1&page=3")).ShouldBeEmpty();
    }

    /// <summary>
    /// This store: 1 shared@ and 2 mine@, company Home. The other store: 1 theirs@ (Otto, credit 99, group 5),
    /// 2 shared@, 3 third@, company Away. Both are made in the same shared database.
    /// </summary>
    private async Task<(TestStore Store, TestStore Other)> TwoStoresAsync()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateGroupsAsync(5);
        await other.CreateCustomerAsync("theirs@example.com", new { first_name = "Otto", company = "Away", store_credit = 99, customer_group_id = 5 });
        await store.CreateCustomerAsync("shared@example.com", new { company = "Home" });
        await other.CreateCustomerAsync("shared@example.com", new { company = "Away" });
        await store.CreateCustomerAsync("mine@example.com", new { company = "Home" });
        await other.CreateCustomerAsync("third@example.com", new { company = "Away" });
        return (store, other);
    }
}

public sealed class ListIsolationTests_Sqlite(SqliteApi api) : ListIsolationTests(api), IClassFixture<SqliteApi>;

public sealed class ListIsolationTests_Postgres(PostgresApi api) : ListIsolationTests(api), IClassFixture<PostgresApi>;
