using System.Net;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.Metafields.MetafieldCalls;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// Two tokens of one store are two clients: <c>app_only</c> is its owner's alone, <c>read</c> others may read, <c>write</c>
/// others may change in value and description and delete; <c>owner_client_id</c> tells them apart; a read-only token reads only.
/// </summary>
public abstract class MetafieldOwnershipTests(ApiFixture api)
{
    private const string Forbidden = "You don't have a required scope to access the endpoint";
    private static readonly int[] IdOne = [1];

    /// <summary>A store with customer 1, its own token (the owner) and a second full token (the other client).</summary>
    private async Task<(TestStore Store, HttpClient Other)> TwoClientsAsync()
    {
        var store = await api.NewStoreAsync();
        var other = store.V3With(await store.NewTokenAsync(Scopes.Customers)); // before the store's first request: tokens are cached
        (await store.CustomersAsync(1)).ShouldBe([1]);
        return (store, other);
    }

    [Fact]
    public async Task An_app_only_metafield_does_not_exist_for_another_client()
    {
        var (store, other) = await TwoClientsAsync();
        var hidden = await store.CreateMetafieldAsync(1, "secret", permissionSet: "app_only");
        var shown = await store.CreateMetafieldAsync(1, "public", permissionSet: "read");

        await (await other.GetAsync(Url(1, 1))).ShouldBeNotFoundAsync();
        await (await other.PutJsonAsync(Url(1, 1), new { value = "x" })).ShouldBeNotFoundAsync();
        await (await other.DeleteAsync(Url(1, 1))).ShouldBeNotFoundAsync();
        (await other.IdsAsync(Url(1))).ShouldBe([2]);
        (await other.IdsAsync(BatchUrl)).ShouldBe([2]);
        (await other.IdsAsync(BatchUrl, "key=secret")).ShouldBeEmpty();
        await (await other.PutJsonAsync(BatchUrl, new[] { new { id = 1, value = "x" } })).ShouldBePartialAsync(1, ("0", "does not exist"));
        await (await other.SendJsonAsync(HttpMethod.Delete, BatchUrl, IdOne)).ShouldBePartialAsync(1, ("1", "does not exist"));

        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(hidden.GetRawText());
        (await other.MetafieldAsync(1, 2)).GetRawText().ShouldBe(shown.GetRawText());
    }

    [Theory]
    [InlineData("read")]
    [InlineData("read_and_sf_access")]
    public async Task A_read_metafield_another_client_may_read_but_not_change_or_delete(string permissionSet)
    {
        var (store, other) = await TwoClientsAsync();
        var created = await store.CreateMetafieldAsync(1, "shared", "v", permissionSet: permissionSet);

        (await other.MetafieldAsync(1, 1)).GetRawText().ShouldBe(created.GetRawText());
        await (await other.PutJsonAsync(Url(1, 1), new { value = "changed" })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await (await other.DeleteAsync(Url(1, 1))).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await (await other.PutJsonAsync(BatchUrl, new[] { new { id = 1, value = "changed" } })).ShouldBePartialAsync(1, ("0", ""));
        await (await other.SendJsonAsync(HttpMethod.Delete, BatchUrl, IdOne)).ShouldBePartialAsync(1, ("1", ""));

        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(created.GetRawText());
    }

    [Theory]
    [InlineData("write")]
    [InlineData("write_and_sf_access")]
    public async Task A_write_metafield_another_client_may_change_in_value_and_description_and_delete_but_not_rename(string permissionSet)
    {
        var (store, other) = await TwoClientsAsync();
        var created = await store.CreateMetafieldAsync(1, "shared", "v", "Prefs", permissionSet);
        await store.CreateMetafieldAsync(1, "second", "v", "Prefs", permissionSet);

        var changed = (await (await other.PutJsonAsync(Url(1, 1), new { value = "theirs", description = "by the other" }))
            .ShouldBeMetafieldsWrittenAsync(1)).Single();
        await (await other.PutJsonAsync(Url(1, 1), new { key = "renamed" })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await (await other.PutJsonAsync(Url(1, 1), new { @namespace = "Moved" })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);
        await (await other.PutJsonAsync(Url(1, 1), new { permission_set = "app_only" })).ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden);

        (changed.Text("value"), changed.Text("description"), changed.Text("key"), changed.Text("namespace")).ShouldBe(("theirs", "by the other", "shared", "Prefs"));
        changed.Text("owner_client_id").ShouldBe(created.Text("owner_client_id"), "a change by another client keeps the owner");
        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(changed.GetRawText());
        (await other.DeleteAsync(Url(1, 2))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V3.IdsAsync(Url(1))).ShouldBe([1]);
    }

    [Fact]
    public async Task Two_clients_may_each_have_the_same_namespace_and_key_on_one_customer()
    {
        var (store, other) = await TwoClientsAsync();
        var mine = await store.CreateMetafieldAsync(1, "k", "mine", "Prefs");

        var theirs = await other.CreateMetafieldAsync(1, Body("k", "theirs", "Prefs"));

        theirs.Id().ShouldNotBe(mine.Id());
        theirs.Text("owner_client_id").ShouldNotBe(mine.Text("owner_client_id"));
        (await store.V3.ListAsync(Url(1))).Data().Select(m => m.Text("value")).ShouldBe(["mine"]);
        (await other.ListAsync(Url(1))).Data().Select(m => m.Text("value")).ShouldBe(["theirs"]);
        await (await other.PostMetafieldAsync(1, Body("k", "again", "Prefs"))).ShouldBeV3ErrorAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_owner_client_id_is_30_hex_characters_the_same_for_a_token_different_per_token_and_kept_across_a_restart()
    {
        var (store, other) = await TwoClientsAsync();
        var first = await store.CreateMetafieldAsync(1, "a", permissionSet: "read");
        var second = await store.CreateMetafieldAsync(1, "b", permissionSet: "read");
        var theirs = await other.CreateMetafieldAsync(1, Body("c", permissionSet: "read"));

        first.Text("owner_client_id").ShouldMatch("^[0-9a-f]{30}$");
        second.Text("owner_client_id").ShouldBe(first.Text("owner_client_id"));
        theirs.Text("owner_client_id").ShouldMatch("^[0-9a-f]{30}$");
        theirs.Text("owner_client_id").ShouldNotBe(first.Text("owner_client_id"));

        await using var restarted = await api.NewFactoryAsync(new Dictionary<string, string?>());
        var again = new TestStore(restarted, store.Hash, store.Token);
        (await again.V3.MetafieldAsync(1, 1)).Text("owner_client_id").ShouldBe(first.Text("owner_client_id"));
        (await again.CreateMetafieldAsync(1, "d")).Text("owner_client_id").ShouldBe(first.Text("owner_client_id"));
    }

    [Fact]
    public async Task A_read_only_token_may_read_metafields_but_every_write_is_403_and_writes_nothing()
    {
        var store = await api.NewStoreAsync();
        var readOnly = store.V3With(await store.NewTokenAsync(Scopes.Customers + Scopes.ReadOnlySuffix));
        await store.CustomersAsync(1);
        var created = await store.CreateMetafieldAsync(1, permissionSet: "read");

        (await readOnly.MetafieldAsync(1, 1)).GetRawText().ShouldBe(created.GetRawText());
        (await readOnly.IdsAsync(Url(1))).ShouldBe([1]);
        (await readOnly.IdsAsync(BatchUrl)).ShouldBe([1]);
        foreach (var response in new[]
        {
            await readOnly.PostMetafieldAsync(1, Body("new")),
            await readOnly.PutJsonAsync(Url(1, 1), new { value = "changed" }),
            await readOnly.DeleteAsync(Url(1, 1)),
            await readOnly.PostJsonAsync(BatchUrl, new[] { Item(1, "new") }),
            await readOnly.PutJsonAsync(BatchUrl, new[] { new { id = 1, value = "changed" } }),
            await readOnly.SendJsonAsync(HttpMethod.Delete, BatchUrl, IdOne),
        })
        {
            (await response.ShouldBeV3ErrorAsync(HttpStatusCode.Forbidden)).Text("title").ShouldBe(Forbidden);
        }

        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/location_id=4HG"]);
    }
}

public sealed class MetafieldOwnershipTests_Sqlite(SqliteApi api) : MetafieldOwnershipTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldOwnershipTests_Postgres(PostgresApi api) : MetafieldOwnershipTests(api), IClassFixture<PostgresApi>;
