using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V3.Customers;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;
using static CustomerApi.Tests.V3.Metafields.MetafieldCalls;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// <c>POST /customers/{customerId}/metafields</c> and <c>GET/PUT/DELETE .../metafields/{metafieldId}</c>: the object as
/// answered and stored, every refused body (422 naming the field, 400 for broken JSON, 409 for a repeat), the 404 of
/// an unknown or foreign metafield, and the cap of 250 per customer.
/// </summary>
public abstract class MetafieldSingleTests(ApiFixture api)
{
    /// <summary>A store with customers 1 and 2 and no metafields.</summary>
    private async Task<TestStore> StoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CustomersAsync(2)).ShouldBe([1, 2]);
        return store;
    }

    [Fact]
    public async Task Create_answers_the_metafield_in_a_collection_of_one_and_it_reads_back_the_same()
    {
        var store = await StoreAsync();
        var before = UtcSecond();

        var created = await store.V3.CreateMetafieldAsync(2, Body("location_id", "4HG", "Warehouse Locations", "read",
            new { description = "Where it ships from" }));

        var after = UtcSecond();
        created.Id().ShouldBe(1);
        (created.Text("key"), created.Text("value"), created.Text("namespace"), created.Text("permission_set"), created.Text("description"))
            .ShouldBe(("location_id", "4HG", "Warehouse Locations", "read", "Where it ships from"));
        created.Text("resource_type").ShouldBe("customer");
        created.GetProperty("resource_id").GetInt32().ShouldBe(2);
        created.Offset("date_created").ShouldBeInRange(before, after);
        created.Offset("date_modified").ShouldBe(created.Offset("date_created"));
        (await store.V3.MetafieldAsync(2, 1)).GetRawText().ShouldBe(created.GetRawText());
        (await store.V3.ListAsync(Url(2))).Data().ShouldHaveSingleItem().GetRawText().ShouldBe(created.GetRawText());
        (await store.V3.ListAsync(Url(1))).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task Description_defaults_to_empty_and_ids_count_up_per_store()
    {
        var store = await StoreAsync();
        var other = await api.NewStoreAsync();
        await other.CustomersAsync(1);

        var first = await store.CreateMetafieldAsync(1, "a");
        var second = await store.CreateMetafieldAsync(2, "b");
        var elsewhere = await other.CreateMetafieldAsync(1, "a");

        first.Text("description").ShouldBe("");
        (first.Id(), second.Id(), elsewhere.Id()).ShouldBe((1, 2, 1));
        (await store.V3.MetafieldAsync(1, 1)).Text("description").ShouldBe("");
    }

    [Theory]
    [InlineData("app_only")]
    [InlineData("read")]
    [InlineData("write")]
    [InlineData("read_and_sf_access")]
    [InlineData("write_and_sf_access")]
    public async Task Each_permission_set_is_taken_and_kept(string permissionSet)
    {
        var store = await StoreAsync();

        var created = await store.CreateMetafieldAsync(1, permissionSet: permissionSet);

        created.Text("permission_set").ShouldBe(permissionSet);
        (await store.V3.MetafieldAsync(1, created.Id())).Text("permission_set").ShouldBe(permissionSet);
    }

    [Fact]
    public async Task Key_and_namespace_of_64_value_of_65535_and_description_of_255_characters_are_kept_whole()
    {
        var store = await StoreAsync();
        var (key, space, value, description) = (new string('k', 64), new string('n', 64), new string('v', 65_535), new string('d', 255));

        var created = await store.CreateMetafieldAsync(1, key, value, space, changes: new { description });

        var read = await store.V3.MetafieldAsync(1, created.Id());
        (read.Text("key"), read.Text("namespace"), read.Text("value"), read.Text("description")).ShouldBe((key, space, value, description));
        (await store.CreateMetafieldAsync(1, "k", "v", "n", changes: new { description = "" })).Text("description").ShouldBe("");
    }

    /// <summary>Changes to a good POST body (a null removes the field) and the one field the 422 names.</summary>
    public static TheoryData<string, string> BadPosts => new()
    {
        { """{"permission_set":null}""", "permission_set" },
        { """{"namespace":null}""", "namespace" },
        { """{"key":null}""", "key" },
        { """{"value":null}""", "value" },
        { """{"key":""}""", "key" },
        { $$"""{"key":"{{new string('k', 65)}}"}""", "key" },
        { """{"namespace":""}""", "namespace" },
        { $$"""{"namespace":"{{new string('n', 65)}}"}""", "namespace" },
        { """{"value":""}""", "value" },
        { $$"""{"value":"{{new string('v', 65_536)}}"}""", "value" },
        { $$"""{"description":"{{new string('d', 256)}}"}""", "description" },
        { """{"permission_set":"public"}""", "permission_set" },
        { """{"permission_set":"APP_ONLY"}""", "permission_set" },
        { """{"permission_set":""}""", "permission_set" },
        { """{"permission_set":1}""", "permission_set" },
        { """{"key":5}""", "key" },
        { """{"namespace":["a"]}""", "namespace" },
        { """{"value":5}""", "value" },
        { """{"value":true}""", "value" },
        { """{"value":{"a":"b"}}""", "value" },
        { """{"description":7}""", "description" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task A_missing_or_invalid_field_is_422_naming_it_and_nothing_is_written(string changes, string field)
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(2, "already-there");

        var response = await store.V3.PostMetafieldAsync(1, Body("other", changes: JsonElement.Parse(changes)));

        await response.ShouldBeInvalidBodyAsync(field);
        (await store.V3.StoredAsync()).ShouldBe(["1 c2 Warehouse Locations/already-there=4HG"]);
    }

    [Fact]
    public async Task An_empty_body_object_is_422_naming_every_required_field()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(2);

        await (await store.V3.PostMetafieldAsync(1, "{}")).ShouldBeInvalidBodyAsync("permission_set", "namespace", "key", "value");
        (await store.V3.IdsAsync(BatchUrl)).ShouldBe([1]);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"key\":\"a\",\"value\":\"")]
    [InlineData("""{"key":"a",}""")]
    public async Task Malformed_json_is_400_in_the_V3_format_and_nothing_is_written(string body)
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(2);

        await (await store.V3.PostMetafieldAsync(1, body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);
        await (await store.V3.PutJsonAsync(Url(2, 1), body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        (await store.V3.StoredAsync()).ShouldBe(["1 c2 Warehouse Locations/location_id=4HG"]);
    }

    [Fact]
    public async Task The_same_namespace_and_key_twice_on_one_customer_is_409_but_on_another_customer_or_beside_another_key_is_fine()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "colour", "red", "Prefs");

        var repeat = await store.V3.PostMetafieldAsync(1, Body("colour", "blue", "Prefs", "write"));

        await repeat.ShouldBeV3ErrorAsync(HttpStatusCode.Conflict);
        (await store.CreateMetafieldAsync(2, "colour", "blue", "Prefs")).Id().ShouldBeGreaterThan(1);
        await store.CreateMetafieldAsync(1, "colour", "green", "Other prefs");
        await store.CreateMetafieldAsync(1, "size", "L", "Prefs");
        (await store.V3.StoredAsync()).Select(s => s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .ShouldBe(["c1 Prefs/colour=red", "c2 Prefs/colour=blue", "c1 Other prefs/colour=green", "c1 Prefs/size=L"]);
    }

    [Fact]
    public async Task Posting_to_an_unknown_customer_is_404_and_writes_nothing()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1);

        await (await store.V3.PostMetafieldAsync(99, Body("k"))).ShouldBeNotFoundAsync();
        await (await store.V3.GetAsync(Url(99))).ShouldBeNotFoundAsync();

        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/location_id=4HG"]);
    }

    /// <summary>Metafield 1 is customer 1's: every other pairing of customer and metafield is not found.</summary>
    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 999)]
    [InlineData(2, 1)]
    [InlineData(99, 1)]
    public async Task An_unknown_metafield_or_customer_or_another_customers_metafield_is_404_on_get_put_and_delete(int customerId, int metafieldId)
    {
        var store = await StoreAsync();
        var mine = await store.CreateMetafieldAsync(1);

        await (await store.V3.GetAsync(Url(customerId, metafieldId))).ShouldBeNotFoundAsync();
        await (await store.V3.PutJsonAsync(Url(customerId, metafieldId), new { value = "changed" })).ShouldBeNotFoundAsync();
        await (await store.V3.DeleteAsync(Url(customerId, metafieldId))).ShouldBeNotFoundAsync();

        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(mine.GetRawText());
    }

    [Fact]
    public async Task Put_changes_only_the_fields_sent_keeps_the_creation_date_and_moves_the_modification_date()
    {
        var store = await StoreAsync();
        var created = await store.CreateMetafieldAsync(1, "colour", "red", "Prefs", "app_only", new { description = "Favourite" });
        await Task.Delay(1100); // dates have whole seconds

        var updated = (await (await store.V3.PutJsonAsync(Url(1, 1), new { value = "blue" })).ShouldBeMetafieldsWrittenAsync(1)).Single();

        (updated.Id(), updated.Text("key"), updated.Text("namespace"), updated.Text("value"), updated.Text("description"), updated.Text("permission_set"))
            .ShouldBe((1, "colour", "Prefs", "blue", "Favourite", "app_only"));
        updated.Text("owner_client_id").ShouldBe(created.Text("owner_client_id"));
        updated.GetProperty("resource_id").GetInt32().ShouldBe(1);
        updated.Text("date_created").ShouldBe(created.Text("date_created"));
        updated.Offset("date_modified").ShouldBeGreaterThan(created.Offset("date_modified"));
        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(updated.GetRawText());
    }

    [Fact]
    public async Task Put_may_change_every_writable_field_at_once_and_takes_a_matching_id()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "colour", "red", "Prefs");

        var updated = (await (await store.V3.PutJsonAsync(Url(1, 1), new
        {
            id = 1, key = "size", value = "L", @namespace = "Clothes", permission_set = "write_and_sf_access", description = "Shirt size",
        })).ShouldBeMetafieldsWrittenAsync(1)).Single();

        var read = await store.V3.MetafieldAsync(1, 1);
        read.GetRawText().ShouldBe(updated.GetRawText());
        (read.Text("key"), read.Text("value"), read.Text("namespace"), read.Text("permission_set"), read.Text("description"))
            .ShouldBe(("size", "L", "Clothes", "write_and_sf_access", "Shirt size"));
        (await (await store.V3.PutJsonAsync(Url(1, 1), new { description = "" })).ShouldBeMetafieldsWrittenAsync(1)).Single()
            .Text("description").ShouldBe("");
    }

    /// <summary>A PUT body and the one field its 422 names.</summary>
    public static TheoryData<string, string> BadPuts => new()
    {
        { """{"key":""}""", "key" },
        { $$"""{"key":"{{new string('k', 65)}}"}""", "key" },
        { """{"namespace":""}""", "namespace" },
        { $$"""{"namespace":"{{new string('n', 65)}}"}""", "namespace" },
        { """{"value":""}""", "value" },
        { $$"""{"value":"{{new string('v', 65_536)}}"}""", "value" },
        { $$"""{"description":"{{new string('d', 256)}}"}""", "description" },
        { """{"permission_set":"everyone"}""", "permission_set" },
        { """{"value":42}""", "value" },
        { """{"id":2,"value":"x"}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BadPuts))]
    public async Task A_put_with_an_invalid_field_is_422_naming_it_and_changes_nothing(string body, string field)
    {
        var store = await StoreAsync();
        var created = await store.CreateMetafieldAsync(1);
        await store.CreateMetafieldAsync(1, "second");

        await (await store.V3.PutJsonAsync(Url(1, 1), body)).ShouldBeInvalidBodyAsync(field);

        (await store.V3.MetafieldAsync(1, 1)).GetRawText().ShouldBe(created.GetRawText());
    }

    [Fact]
    public async Task A_put_that_would_repeat_another_metafields_namespace_and_key_is_409_and_changes_nothing()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "colour", "red", "Prefs");
        var size = await store.CreateMetafieldAsync(1, "size", "L", "Prefs");

        await (await store.V3.PutJsonAsync(Url(1, 2), new { key = "colour" })).ShouldBeV3ErrorAsync(HttpStatusCode.Conflict);

        (await store.V3.MetafieldAsync(1, 2)).GetRawText().ShouldBe(size.GetRawText());
        (await store.V3.PutJsonAsync(Url(1, 2), new { key = "size", @namespace = "Prefs" })).StatusCode.ShouldBe(HttpStatusCode.OK, "its own pair is no repeat");
    }

    [Fact]
    public async Task Delete_is_204_with_no_body_then_the_metafield_is_gone_and_a_second_delete_is_404()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "a");
        await store.CreateMetafieldAsync(1, "b");

        var response = await store.V3.DeleteAsync(Url(1, 1));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        await (await store.V3.GetAsync(Url(1, 1))).ShouldBeNotFoundAsync();
        await (await store.V3.DeleteAsync(Url(1, 1))).ShouldBeNotFoundAsync();
        (await store.V3.IdsAsync(Url(1))).ShouldBe([2]);
        (await store.CreateMetafieldAsync(1, "a")).Id().ShouldBe(3, "ids are never reused");
    }

    [Fact]
    public async Task The_251st_metafield_of_a_customer_is_422_while_another_customer_still_takes_one()
    {
        var store = await StoreAsync();
        foreach (var chunk in Enumerable.Range(1, 250).Chunk(50))
        {
            await (await store.V3.PostJsonAsync(BatchUrl, chunk.Select(i => Item(1, $"key{i}")).ToArray())).ShouldBeMetafieldsWrittenAsync(50);
        }

        await (await store.V3.PostMetafieldAsync(1, Body("key251"))).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        (await store.V3.ListAsync(Url(1), "limit=1")).Pagination().GetProperty("total").GetInt32().ShouldBe(250);
        (await store.V3.ListAsync(Url(1), "key=key251")).Data().ShouldBeEmpty();
        await store.CreateMetafieldAsync(2, "key251");
        (await store.V3.DeleteAsync(Url(1, 1))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.CreateMetafieldAsync(1, "key251")).GetProperty("resource_id").GetInt32().ShouldBe(1, "with one deleted there is room again");
    }
}

public sealed class MetafieldSingleTests_Sqlite(SqliteApi api) : MetafieldSingleTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldSingleTests_Postgres(PostgresApi api) : MetafieldSingleTests(api), IClassFixture<PostgresApi>;
