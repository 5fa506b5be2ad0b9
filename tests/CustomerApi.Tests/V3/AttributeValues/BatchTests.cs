using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

/// <summary>The 10-customers-per-call limit, and that a batch is written whole or not at all.</summary>
public abstract class BatchTests(ApiFixture api)
{
    [Fact]
    public async Task Ten_customers_with_several_values_each_are_accepted_in_one_call()
    {
        var store = await api.NewStoreAsync();
        var customers = await store.CreateCustomersAsync(10);
        await store.CreateAttributesAsync(("Nickname", "string"), ("Age", "number"), ("Birthday", "date"));
        var items = customers.SelectMany(c => new[] { (c, Nickname, $"n{c}"), (c, Age, $"{c}"), (c, Birthday, $"2000-01-{c:00}") }).ToArray();

        var data = await store.UpsertValuesAsync(items);

        data.Length.ShouldBe(30);
        for (var i = 0; i < items.Length; i++)
        {
            data[i].ShouldBeValue(i + 1, items[i].Item1, items[i].Item2, items[i].Item3);
        }

        (await store.ValuesAsync("limit=250")).Select(v => v.GetRawText()).ShouldBe(data.Select(v => v.GetRawText()));
    }

    [Fact]
    public async Task Eleven_customers_in_one_call_is_413_in_v3_format_and_writes_nothing()
    {
        var store = await api.NewStoreAsync();
        var customers = await store.CreateCustomersAsync(11);
        await store.CreateAttributesAsync(("Nickname", "string"));
        await store.UpsertValuesAsync((1, Nickname, "before"), (2, Nickname, "before"));
        var before = await store.SnapshotAsync();

        var response = await store.PutValuesAsync(customers.Select(c => Item(c, Nickname, "after")).ToArray());

        var error = await response.ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        error.GetProperty("title").GetString()!.ShouldContain("10");
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Many_items_of_the_same_ten_customers_do_not_count_as_more_customers()
    {
        var store = await api.NewStoreAsync();
        var customers = await store.CreateCustomersAsync(10);
        await store.CreateAttributesAsync(("A", "string"), ("B", "string"));
        // customer ids interleaved and repeated: 20 items, 10 distinct customers
        var items = customers.Select(c => (c, 1, "a")).Concat(customers.Reverse().Select(c => (c, 2, "b"))).ToArray();

        (await store.UpsertValuesAsync(items)).Length.ShouldBe(20);
    }

    /// <summary>
    /// A batch of five items: 0 and 3 update existing values, 1 and 4 create new ones, and item 2 is bad in one way.
    /// Only item 2 is named, and the store is exactly as before: no new value, no changed value or date
    /// (the snapshot holds every field of every value).
    /// </summary>
    [Theory]
    [InlineData("unknown customer", 99, Age, "7", "2.customer_id")]
    [InlineData("unknown attribute", 2, 99, "7", "2.attribute_id")]
    [InlineData("bad value", 2, Age, "seven", "2.value")]
    [InlineData("duplicate of item 0", 1, Nickname, "Again", "2.attribute_id")]
    [InlineData("duplicate of item 1", 2, Birthday, "2024-05-14", "2.attribute_id")]
    public async Task One_bad_item_fails_the_whole_batch_and_changes_nothing(string why, int customerId, int attributeId, string value, string key)
    {
        var store = await api.SeededStoreAsync();
        await store.UpsertValuesAsync((1, Nickname, "Jo"), (2, Nickname, "Sam"));
        var before = await store.SnapshotAsync();

        var response = await store.PutValuesAsync(new[]
        {
            Item(1, Nickname, "Joanna"), Item(2, Birthday, "1990-07-15"), Item(customerId, attributeId, value),
            Item(2, Nickname, "Samuel"), Item(1, Age, "30"),
        });

        await response.ShouldBeInvalidBodyAsync(key);
        (await store.SnapshotAsync()).ShouldBe(before, why);
    }

    [Fact]
    public async Task Every_bad_item_of_a_batch_is_named_by_its_index()
    {
        var store = await api.SeededStoreAsync();

        var response = await store.PutValuesAsync(new[]
        {
            Item(1, Nickname, "Jo"), Item(3, Nickname, "x"), Item(2, Age, "old"), Item(1, 4, "x"),
            Item(2, Birthday, "2024-05-14"), Item(1, Nickname, "Again"),
        });

        var errors = await response.ShouldBeInvalidBodyAsync("1.customer_id", "2.value", "3.attribute_id", "5.attribute_id");
        errors["1.customer_id"].ShouldContain("3");
        errors["3.attribute_id"].ShouldContain("4");
        (await store.ValuesAsync()).ShouldBeEmpty();
    }
}

public sealed class BatchTests_Sqlite(SqliteApi api) : BatchTests(api), IClassFixture<SqliteApi>;

public sealed class BatchTests_Postgres(PostgresApi api) : BatchTests(api), IClassFixture<PostgresApi>;
