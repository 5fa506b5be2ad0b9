using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.Metafields.MetafieldCalls;

namespace CustomerApi.Tests.V3.Metafields;

/// <summary>
/// <c>POST/PUT/DELETE /customers/metafields</c>: each item written on its own, 200 when all are, 422 with the written ones,
/// one error per failed item and the counts when some are not; whole-request faults (empty, over 50) write nothing.
/// </summary>
public abstract class MetafieldBatchTests(ApiFixture api)
{
    private static readonly int[] OneAndThree = [1, 3];
    private static readonly int[] TwoAndUnknown = [2, 77];

    private async Task<TestStore> StoreAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CustomersAsync(2)).ShouldBe([1, 2]);
        return store;
    }

    [Fact]
    public async Task Posting_good_items_answers_200_with_each_in_order_and_stores_them()
    {
        var store = await StoreAsync();

        var written = await (await store.V3.PostJsonAsync(BatchUrl, new[]
        {
            Item(1, "colour", "red", "Prefs"), Item(2, "colour", "blue", "Prefs", "read", new { description = "Hers" }),
        })).ShouldBeMetafieldsWrittenAsync(2);

        written.Select(m => m.Describe()).ShouldBe(["1 c1 Prefs/colour=red", "2 c2 Prefs/colour=blue"]);
        (written[0].Text("description"), written[1].Text("description"), written[1].Text("permission_set")).ShouldBe(("", "Hers", "read"));
        (await store.V3.MetafieldAsync(2, 2)).GetRawText().ShouldBe(written[1].GetRawText());
    }

    [Fact]
    public async Task Posting_some_bad_items_is_422_with_the_good_ones_written_and_one_error_per_bad_item_by_position()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "taken", "x", "Prefs");

        var written = await (await store.V3.PostJsonAsync(BatchUrl, new object[]
        {
            Item(1, "good1", "a", "Prefs"),
            Item(99, "orphan", "b", "Prefs"),
            Item(1, "taken", "c", "Prefs"),
            Item(2, new string('k', 65), "d", "Prefs"),
            Body("no-owner", "e", "Prefs"),
            Item(2, "good2", "f", "Prefs"),
        })).ShouldBePartialAsync(6, ("1", "customer"), ("2", "already exists"), ("3", "key"), ("4", "resource_id"));

        written.Select(m => $"c{m.GetProperty("resource_id").GetInt32()} {m.Text("key")}").ShouldBe(["c1 good1", "c2 good2"]);
        (await store.V3.StoredAsync()).Select(s => s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .ShouldBe(["c1 Prefs/taken=x", "c1 Prefs/good1=a", "c2 Prefs/good2=f"]);
    }

    [Fact]
    public async Task Two_items_of_one_batch_with_the_same_customer_namespace_and_key_write_the_first_and_fail_the_second()
    {
        var store = await StoreAsync();

        await (await store.V3.PostJsonAsync(BatchUrl, new[] { Item(1, "k", "first"), Item(1, "k", "second"), Item(2, "k", "other") }))
            .ShouldBePartialAsync(3, ("1", "already exists"));

        (await store.V3.StoredAsync()).Select(s => s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .ShouldBe(["c1 Warehouse Locations/k=first", "c2 Warehouse Locations/k=other"]);
    }

    [Fact]
    public async Task Putting_good_items_answers_200_and_merges_each()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "a", "1");
        await store.CreateMetafieldAsync(2, "b", "2", changes: new { description = "kept" });

        var written = await (await store.V3.PutJsonAsync(BatchUrl, new object[] { new { id = 1, value = "one" }, new { id = 2, key = "bee" } }))
            .ShouldBeMetafieldsWrittenAsync(2);

        written.Select(m => m.Describe()).ShouldBe(["1 c1 Warehouse Locations/a=one", "2 c2 Warehouse Locations/bee=2"]);
        (await store.V3.MetafieldAsync(2, 2)).Text("description").ShouldBe("kept");
    }

    [Fact]
    public async Task Putting_some_bad_items_is_422_with_the_good_ones_changed_and_the_bad_ones_not()
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "a", "1");
        await store.CreateMetafieldAsync(1, "b", "2");
        await store.CreateMetafieldAsync(2, "c", "3");

        var written = await (await store.V3.PutJsonAsync(BatchUrl, new object[]
        {
            new { id = 1, value = "one" },
            new { id = 99, value = "nobody" },
            new { value = "no id" },
            new { id = 2, key = "a" },
            new { id = 3, value = "" },
        })).ShouldBePartialAsync(5, ("1", "does not exist"), ("2", "id"), ("3", "already exists"), ("4", "value"));

        written.Select(m => m.Describe()).ShouldBe(["1 c1 Warehouse Locations/a=one"]);
        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/a=one", "2 c1 Warehouse Locations/b=2", "3 c2 Warehouse Locations/c=3"]);
    }

    [Fact]
    public async Task Deleting_ids_answers_200_with_the_ids_and_removes_them()
    {
        var store = await StoreAsync();
        await (await store.V3.PostJsonAsync(BatchUrl, new[] { Item(1, "a"), Item(1, "b"), Item(2, "c") })).ShouldBeMetafieldsWrittenAsync(3);

        await (await store.V3.SendJsonAsync(HttpMethod.Delete, BatchUrl, OneAndThree)).ShouldBeDeletedAsync(1, 3);

        (await store.V3.IdsAsync(BatchUrl)).ShouldBe([2]);
        await (await store.V3.GetAsync(Url(2, 3))).ShouldBeNotFoundAsync();
    }

    [Fact]
    public async Task Deleting_some_unknown_ids_is_422_keyed_by_the_id_and_the_known_ones_are_deleted()
    {
        var store = await StoreAsync();
        await (await store.V3.PostJsonAsync(BatchUrl, new[] { Item(1, "a"), Item(2, "b") })).ShouldBeMetafieldsWrittenAsync(2);

        var deleted = await (await store.V3.SendJsonAsync(HttpMethod.Delete, BatchUrl, TwoAndUnknown))
            .ShouldBePartialAsync(2, ("77", "does not exist"));

        deleted.Select(id => id.GetInt32()).ShouldBe([2]);
        (await store.V3.IdsAsync(BatchUrl)).ShouldBe([1]);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_empty_array_is_422_and_writes_nothing(string method)
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1);

        await (await store.V3.SendJsonAsync(new HttpMethod(method), BatchUrl, "[]")).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/location_id=4HG"]);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Fifty_one_items_are_413_and_nothing_is_written(string method)
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1, "k0", "original");
        object[] items = method switch
        {
            "POST" => [.. Enumerable.Range(1, 51).Select(i => Item(1, $"k{i}"))],
            "PUT" => [.. Enumerable.Range(1, 51).Select(i => new { id = 1, value = $"v{i}" })],
            _ => [.. Enumerable.Range(1, 51).Select(i => (object)1)],
        };

        var error = await (await store.V3.SendJsonAsync(new HttpMethod(method), BatchUrl, items)).ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        error.Text("title").ShouldContain("50");
        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/k0=original"]);
    }

    [Theory]
    [InlineData("POST", "[{")]
    [InlineData("PUT", "not json")]
    [InlineData("DELETE", "[1,")]
    public async Task Malformed_json_is_400_and_writes_nothing(string method, string body)
    {
        var store = await StoreAsync();
        await store.CreateMetafieldAsync(1);

        await (await store.V3.SendJsonAsync(new HttpMethod(method), BatchUrl, body)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        (await store.V3.StoredAsync()).ShouldBe(["1 c1 Warehouse Locations/location_id=4HG"]);
    }

    [Fact]
    public async Task The_251st_metafield_of_a_customer_in_a_batch_fails_alone()
    {
        var store = await StoreAsync();
        foreach (var chunk in Enumerable.Range(1, 250).Chunk(50))
        {
            await (await store.V3.PostJsonAsync(BatchUrl, chunk.Select(i => Item(1, $"key{i}")).ToArray())).ShouldBeMetafieldsWrittenAsync(50);
        }

        var written = await (await store.V3.PostJsonAsync(BatchUrl, new[] { Item(1, "key251"), Item(2, "key1") })).ShouldBePartialAsync(2, ("0", ""));

        written.ShouldHaveSingleItem().GetProperty("resource_id").GetInt32().ShouldBe(2);
        (await store.V3.ListAsync(Url(1), "limit=1")).GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(250);
    }
}

public sealed class MetafieldBatchTests_Sqlite(SqliteApi api) : MetafieldBatchTests(api), IClassFixture<SqliteApi>;

public sealed class MetafieldBatchTests_Postgres(PostgresApi api) : MetafieldBatchTests(api), IClassFixture<PostgresApi>;
