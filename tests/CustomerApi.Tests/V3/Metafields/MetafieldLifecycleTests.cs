using System.Net;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.Metafields.MetafieldCalls;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>Metafields go with their customer (deleted through V3 or V2), and nothing of one store reaches another.</summary>
public abstract class MetafieldLifecycleTests(ApiFixture api)
{
    private static readonly string Unauthorized = ErrorBody(401,
        "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.");

    /// <summary>
    /// Customers 1 and 2; the store's token has metafields 1, 2 on customer 1 and 3 on customer 2, the other client
    /// metafield 4 (app_only) on customer 1.
    /// </summary>
    private async Task<(TestStore Store, HttpClient Other)> StoreAsync()
    {
        var store = await api.NewStoreAsync();
        var other = store.V3With(await store.NewTokenAsync(Scopes.Customers));
        (await store.CustomersAsync(2)).ShouldBe([1, 2]);
        await (await store.V3.PostJsonAsync(BatchUrl, new[] { Item(1, "a"), Item(1, "b", permissionSet: "write"), Item(2, "c") }))
            .ShouldBeMetafieldsWrittenAsync(3);
        (await other.CreateMetafieldAsync(1, Body("theirs"))).Id().ShouldBe(4);
        return (store, other);
    }

    [Theory]
    [InlineData("V3")]
    [InlineData("V2")]
    public async Task Deleting_a_customer_deletes_its_metafields_of_every_client(string through)
    {
        var (store, other) = await StoreAsync();

        var response = through == "V3" ? await store.V3.DeleteAsync("customers?id:in=1") : await store.V2.DeleteAsync("customers/1");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V3.IdsAsync(BatchUrl)).ShouldBe([3]);
        (await other.IdsAsync(BatchUrl)).ShouldBeEmpty();
        foreach (var id in new[] { 1, 2 })
        {
            await (await store.V3.GetAsync(Url(1, id))).ShouldBeNotFoundAsync();
        }

        await (await other.GetAsync(Url(1, 4))).ShouldBeNotFoundAsync();
        await (await store.V3.GetAsync(Url(1))).ShouldBeNotFoundAsync();
        await (await store.V3.PutJsonAsync(BatchUrl, new[] { new { id = 2, value = "x" }, new { id = 3, value = "kept" } }))
            .ShouldBePartialAsync(2, ("0", "does not exist"));
        (await store.V3.MetafieldAsync(2, 3)).Text("value").ShouldBe("kept");
    }

    [Fact]
    public async Task A_customer_made_again_with_the_same_email_has_none_of_the_old_metafields()
    {
        var (store, _) = await StoreAsync();
        var email = (await store.ListV3Async("id:in=1")).Data().Single().Text("email");
        await store.DeleteV3CustomersAsync(1);

        var again = (await store.PostCustomersV3Async(CustomerListV3.NewCustomer(email))).Single().Id();

        (await store.V3.IdsAsync(Url(again))).ShouldBeEmpty();
        (await store.CreateMetafieldAsync(again, "a")).Id().ShouldBe(5, "metafield ids are never reused");
    }

    public static TheoryData<string, string, string?> Routes => new()
    {
        { "GET", "customers/1/metafields", null },
        { "POST", "customers/1/metafields", """{"permission_set":"write","namespace":"n","key":"intruder","value":"x"}""" },
        { "GET", "customers/1/metafields/1", null },
        { "PUT", "customers/1/metafields/1", """{"value":"hacked"}""" },
        { "DELETE", "customers/1/metafields/1", null },
        { "GET", "customers/metafields", null },
        { "POST", "customers/metafields", """[{"permission_set":"write","namespace":"n","key":"intruder","value":"x","resource_id":1}]""" },
        { "PUT", "customers/metafields", """[{"id":1,"value":"hacked"}]""" },
        { "DELETE", "customers/metafields", "[1]" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_stores_token_is_401_on_every_metafield_route_and_changes_nothing(string method, string url, string? body)
    {
        var (store, _) = await StoreAsync();
        var intruder = await api.NewStoreAsync();
        await intruder.CustomersAsync(1);
        await intruder.CreateMetafieldAsync(1, "own");
        var before = await store.V3.StoredAsync();

        var response = await store.V3With(intruder.Token).SendAsync(Request(method, url, body));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe(Unauthorized);
        (await store.V3.StoredAsync()).ShouldBe(before);
        (await intruder.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/own=4HG"]);
    }

    [Fact]
    public async Task A_stores_metafield_ids_do_not_exist_in_another_store()
    {
        var (store, _) = await StoreAsync();
        var elsewhere = await api.NewStoreAsync();
        await elsewhere.CustomersAsync(2);
        await elsewhere.CreateMetafieldAsync(1, "own");

        await (await elsewhere.V3.GetAsync(Url(1, 2))).ShouldBeNotFoundAsync();
        await (await elsewhere.V3.GetAsync(Url(2, 3))).ShouldBeNotFoundAsync();
        await (await elsewhere.V3.DeleteAsync(Url(1, 2))).ShouldBeNotFoundAsync();
        await (await elsewhere.V3.PutJsonAsync(BatchUrl, new[] { new { id = 3, value = "hacked" } })).ShouldBePartialAsync(1, ("0", "does not exist"));
        (await elsewhere.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/own=4HG"]);
        (await store.V3.StoredAsync()).ShouldBe(
            ["1 c1 Warehouse Locations/a=4HG", "2 c1 Warehouse Locations/b=4HG", "3 c2 Warehouse Locations/c=4HG"]);
    }
}

public sealed class MetafieldLifecycleTests_Sqlite(SqliteApi api) : MetafieldLifecycleTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldLifecycleTests_Postgres(PostgresApi api) : MetafieldLifecycleTests(api), IClassFixture<PostgresApi>;
