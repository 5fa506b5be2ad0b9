using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// A walk through the customer metafields' nine routes: create, read, list, change, delete, one at a time and in
/// batches, with one bad item of a batch refused on its own. The thorough tests of each rule live beside it.
/// </summary>
public abstract class MetafieldSmokeTests(ApiFixture api)
{
    private static readonly object Location = new
    {
        permission_set = "app_only", @namespace = "Warehouse Locations", key = "location_id", value = "4HG", description = "Where it ships from",
    };

    [Fact]
    public async Task A_metafield_is_created_read_listed_changed_and_deleted()
    {
        var store = await api.NewStoreAsync();
        var customerId = (await store.CreateCustomerAsync("meta@example.com")).GetProperty("id").GetInt32();

        var created = await (await store.V3.PostJsonAsync($"customers/{customerId}/metafields", Location)).ShouldBeAsync(HttpStatusCode.OK);

        created.GetProperty("errors").GetArrayLength().ShouldBe(0);
        created.GetProperty("meta").GetRawText().ShouldBe("""{"total":1,"success":1,"failed":0}""");
        var metafield = created.Data().ShouldHaveSingleItem();
        var id = metafield.GetProperty("id").GetInt32();
        id.ShouldBe(1);
        metafield.GetProperty("resource_type").GetString().ShouldBe("customer");
        metafield.GetProperty("resource_id").GetInt32().ShouldBe(customerId);
        metafield.GetProperty("value").GetString().ShouldBe("4HG");
        metafield.GetProperty("date_created").GetString()!.ShouldEndWith("+00:00");
        metafield.GetProperty("owner_client_id").GetString()!.ShouldMatch("^[0-9a-f]{30}$");

        var read = await (await store.V3.GetAsync($"customers/{customerId}/metafields/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        read.GetProperty("data").GetRawText().ShouldBe(metafield.GetRawText());

        var listed = await (await store.V3.GetAsync($"customers/{customerId}/metafields?key=location_id")).ShouldBeAsync(HttpStatusCode.OK);
        listed.Data().Select(m => m.GetProperty("id").GetInt32()).ShouldBe([id]);
        listed.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(1);
        var all = await (await store.V3.GetAsync("customers/metafields?include_fields=key")).ShouldBeAsync(HttpStatusCode.OK);
        all.Data().ShouldHaveSingleItem().GetRawText().ShouldBe($$"""{"id":{{id}},"key":"location_id"}""");

        var changed = await (await store.V3.PutJsonAsync($"customers/{customerId}/metafields/{id}", new { value = "5JK" })).ShouldBeAsync(HttpStatusCode.OK);
        changed.Data().ShouldHaveSingleItem().GetProperty("value").GetString().ShouldBe("5JK");
        changed.Data()[0].GetProperty("key").GetString().ShouldBe("location_id");

        (await store.V3.DeleteAsync($"customers/{customerId}/metafields/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await store.V3.GetAsync($"customers/{customerId}/metafields/{id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_batch_writes_its_good_items_and_answers_422_naming_the_bad_one()
    {
        var store = await api.NewStoreAsync();
        var customerId = (await store.CreateCustomerAsync("batch@example.com")).GetProperty("id").GetInt32();
        object Item(string key) => new { resource_id = customerId, permission_set = "read", @namespace = "Sales", key, value = "v" };

        var body = await (await store.V3.PostJsonAsync("customers/metafields", new[] { Item("one"), Item(new string('k', 65)), Item("three") }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity);

        body.Data().Select(m => m.GetProperty("key").GetString()).ShouldBe(["one", "three"]);
        body.GetProperty("meta").GetRawText().ShouldBe("""{"total":3,"success":2,"failed":1}""");
        var error = body.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("status").GetInt32().ShouldBe(422);
        error.Errors().ShouldBe(new Dictionary<string, string> { ["1"] = "key must be 1 to 64 characters" });

        var ids = body.Data().Select(m => m.GetProperty("id").GetInt32()).ToArray();
        var changed = await (await store.V3.PutJsonAsync("customers/metafields", ids.Select(id => new { id, value = "w" }).ToArray()))
            .ShouldBeAsync(HttpStatusCode.OK);
        changed.Data().Select(m => m.GetProperty("value").GetString()).ShouldBe(["w", "w"]);

        var deleted = await (await store.V3.SendJsonAsync(HttpMethod.Delete, "customers/metafields", new[] { ids[0], 999 }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        deleted.GetProperty("data").EnumerateArray().Select(i => i.GetInt32()).ShouldBe([ids[0]]);
        deleted.GetProperty("errors")[0].Errors().ShouldBe(new Dictionary<string, string> { ["999"] = "Metafield does not exist" });
        (await (await store.V3.GetAsync("customers/metafields")).ShouldBeAsync(HttpStatusCode.OK)).Data().Length.ShouldBe(1);
    }

    [Fact]
    public async Task Another_clients_app_only_metafield_does_not_exist_for_it()
    {
        var store = await api.NewStoreAsync();
        var other = store.V3With(await store.NewTokenAsync("store_v2_customers"));
        var customerId = (await store.CreateCustomerAsync("owner@example.com")).GetProperty("id").GetInt32();
        await (await store.V3.PostJsonAsync($"customers/{customerId}/metafields", Location)).ShouldBeAsync(HttpStatusCode.OK);

        await (await other.GetAsync($"customers/{customerId}/metafields/1")).ShouldBeAsync(HttpStatusCode.NotFound);
        (await (await other.GetAsync("customers/metafields")).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        await (await other.PostJsonAsync($"customers/{customerId}/metafields", Location)).ShouldBeAsync(HttpStatusCode.OK);
        await (await store.V3.PostJsonAsync($"customers/{customerId}/metafields", Location)).ShouldBeAsync(HttpStatusCode.Conflict);
    }
}

public sealed class MetafieldSmokeTests_Sqlite(SqliteApi api) : MetafieldSmokeTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldSmokeTests_Postgres(PostgresApi api) : MetafieldSmokeTests(api), IClassFixture<PostgresApi>;
