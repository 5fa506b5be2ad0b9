using System.Net;
using System.Text;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;

namespace CustomerApi.Tests.V2.CustomerGroups;

/// <summary>The customer groups routes under the same auth rules as customers: 401 without a valid token of the store, 403 for writes with a read-only one.</summary>
public abstract class GroupAuthTests(ApiFixture api)
{
    private const string Unauthorized = """[{"status":401,"message":"No credentials were supplied in the request."}]""";
    private const string Forbidden = """[{"status":403,"message":"You don't have a required scope to access the endpoint"}]""";

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "customer_groups" },
        { "POST", "customer_groups" },
        { "GET", "customer_groups/count" },
        { "GET", "customer_groups/1" },
        { "PUT", "customer_groups/1" },
        { "DELETE", "customer_groups/1" },
    };

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "customer_groups" },
        { "PUT", "customer_groups/1" },
        { "DELETE", "customer_groups/1" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_read_only_token_is_403_on_writes_and_changes_nothing(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var readOnly = await store.AddTokenAsync("store_v2_customers_read_only");
        await store.CreateGroupAsync("Victim");
        var before = await store.GroupTextAsync();

        var response = await readOnly.SendAsync(Request(method, url));

        (await response.ShouldBeAsync(HttpStatusCode.Forbidden)).ToString().ShouldBe(Forbidden);
        (await store.GroupTextAsync()).ShouldBe(before);
        (await store.GroupCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_read_only_token_may_list_count_and_get()
    {
        var store = await api.NewStoreAsync();
        var readOnly = await store.AddTokenAsync("store_v2_customers_read_only");
        await store.CreateGroupAsync("Visible");

        (await readOnly.GetAsync("customer_groups")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readOnly.GetAsync("customer_groups/count")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await readOnly.GetAsync("customer_groups/1")).ShouldBeAsync(HttpStatusCode.OK)).ToString().ShouldBe(await store.GroupTextAsync());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_or_with_another_stores_token_every_route_is_401_and_changes_nothing(string method, string url)
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.CreateGroupAsync("Victim");
        var before = await store.GroupTextAsync();

        foreach (var client in new[] { store.V2With(null), store.V2With(other.Token) })
        {
            var response = await client.SendAsync(Request(method, url));
            (await response.ShouldBeAsync(HttpStatusCode.Unauthorized)).ToString().ShouldBe(Unauthorized);
        }

        (await store.GroupTextAsync()).ShouldBe(before);
        (await store.GroupCountAsync()).ShouldBe(1);
        (await other.GroupCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_store_neither_reads_nor_writes_another_stores_groups_by_id()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateGroupAsync("Theirs");
        var theirs = await other.GroupTextAsync();

        await (await store.V2.GetAsync("customer_groups/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.PutJsonAsync("customer_groups/1", new { name = "Mine now" })).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.DeleteAsync("customer_groups/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await store.GroupIdsAsync()).ShouldBeEmpty();
        (await store.GroupCountAsync()).ShouldBe(0);
        (await store.GroupIdsAsync("name=Theirs")).ShouldBeEmpty();

        (await other.GroupTextAsync()).ShouldBe(theirs);
    }

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method is "POST" or "PUT"
            ? new StringContent("""{"name":"Changed","is_default":true}""", Encoding.UTF8, "application/json")
            : null,
    };
}

public sealed class GroupAuthTests_Sqlite(SqliteApi api) : GroupAuthTests(api), IClassFixture<SqliteApi>;

public sealed class GroupAuthTests_Postgres(PostgresApi api) : GroupAuthTests(api), IClassFixture<PostgresApi>;
