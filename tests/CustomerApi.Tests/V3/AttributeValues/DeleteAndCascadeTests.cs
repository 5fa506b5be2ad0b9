using System.Net;
using CustomerApi.Infrastructure.Querying;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

public abstract class DeleteAndCascadeTests(ApiFixture api)
{
    /// <summary>
    /// Customers 1 to 3, attributes 1 Nickname, 2 Age, 3 Birthday, values (ids 1 to 6):
    /// 1 (c1 Nickname), 2 (c1 Age), 3 (c2 Nickname), 4 (c2 Birthday), 5 (c3 Age), 6 (c3 Birthday).
    /// </summary>
    private async Task<TestStore> StoreWithValuesAsync()
    {
        var store = await api.SeededStoreAsync();
        await store.CreateCustomerAsync("customer3@example.com");
        await store.UpsertValuesAsync(
            (1, Nickname, "Jo"), (1, Age, "30"), (2, Nickname, "Sam"), (2, Birthday, "1983-02-01"), (3, Age, "52"), (3, Birthday, "1971-11-30"));
        return store;
    }

    /// <summary>The values of <paramref name="ids"/> as they were in <paramref name="before"/>, by id.</summary>
    private static string[] Kept(Dictionary<int, string> before, params int[] ids) => [.. ids.Select(id => before[id])];

    [Theory]
    [InlineData("id:in=2,5", new[] { 1, 3, 4, 6 })]
    [InlineData("id:in=4", new[] { 1, 2, 3, 5, 6 })]
    [InlineData("id:in=6,99,1", new[] { 2, 3, 4, 5 })]
    [InlineData("id:in=99", new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData("id:in=1,2,3,4,5,6", new int[0])]
    public async Task Delete_removes_the_listed_values_and_skips_unknown_ids(string query, int[] left)
    {
        var store = await StoreWithValuesAsync();
        var before = (await store.ValuesAsync()).ToDictionary(v => v.GetProperty("id").GetInt32(), v => v.GetRawText());

        await (await store.V3.DeleteAsync($"{Url}?{query}")).ShouldBeEmpty204Async();

        (await store.SnapshotAsync()).ShouldBe(Kept(before, left), query);
    }

    [Theory]
    [InlineData(1500)]
    [InlineData(2500)]
    [InlineData(IdList.MaxCount)]
    public async Task Delete_takes_thousands_of_ids_in_one_call_up_to_the_cap(int count)
    {
        var store = await StoreWithValuesAsync();
        var before = (await store.ValuesAsync()).ToDictionary(v => v.GetProperty("id").GetInt32(), v => v.GetRawText());
        var ids = Enumerable.Range(7, count - 2).Append(4).Append(5); // the values' own ids last: every id of the list counts

        await (await store.V3.DeleteAsync($"{Url}?id:in={string.Join(',', ids)}")).ShouldBeEmpty204Async();

        (await store.SnapshotAsync()).ShouldBe(Kept(before, 1, 2, 3, 6));
    }

    [Fact]
    public async Task Delete_with_more_ids_than_the_cap_is_422_and_deletes_nothing()
    {
        var store = await StoreWithValuesAsync();
        var before = await store.SnapshotAsync();

        var response = await store.V3.DeleteAsync($"{Url}?id:in={string.Join(',', Enumerable.Range(1, IdList.MaxCount + 1))}");

        await response.ShouldBeBadFilterAsync("id:in", "id:in");
        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?id:in=")]
    [InlineData("?id:in=%20")]
    public async Task Delete_without_ids_is_204_and_deletes_nothing(string query)
    {
        var store = await StoreWithValuesAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.DeleteAsync(Url + query)).ShouldBeEmpty204Async();

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("id:in=abc", "id:in", true)]
    [InlineData("id:in=1,x", "id:in", true)]
    [InlineData("id:in=0", "id:in", true)]
    [InlineData("id:in=-2", "id:in", true)]
    [InlineData("id:in=1.0", "id:in", true)]
    [InlineData("id:in=1&customer_id:in=1", "customer_id:in", false)]
    [InlineData("id=1", "id", false)]
    public async Task Delete_with_a_bad_or_unknown_parameter_is_422_and_deletes_nothing(string query, string name, bool badValue)
    {
        var store = await StoreWithValuesAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.DeleteAsync($"{Url}?{query}")).ShouldBeBadFilterAsync(name, badValue ? [name] : []);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_deleted_pair_can_be_set_again_as_a_new_value()
    {
        var store = await StoreWithValuesAsync();
        await (await store.V3.DeleteAsync($"{Url}?id:in=1")).ShouldBeEmpty204Async();

        var again = (await store.UpsertValuesAsync((1, Nickname, "Joanna"))).ShouldHaveSingleItem();

        again.GetProperty("id").GetInt32().ShouldNotBe(1);
        (await store.ValuesAsync("customer_id:in=1&attribute_id:in=1")).ShouldHaveSingleItem().GetRawText().ShouldBe(again.GetRawText());
    }

    [Fact]
    public async Task Deleting_a_customer_through_v2_deletes_its_values_only()
    {
        var store = await StoreWithValuesAsync();
        var before = (await store.ValuesAsync()).ToDictionary(v => v.GetProperty("id").GetInt32(), v => v.GetRawText());

        await (await store.V2.DeleteAsync("customers/2")).ShouldBeAsync(HttpStatusCode.NoContent);

        (await store.SnapshotAsync()).ShouldBe(Kept(before, 1, 2, 5, 6));
        (await store.ValuesAsync("customer_id:in=2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_customers_by_a_v2_filter_deletes_their_values_only()
    {
        var store = await StoreWithValuesAsync();
        var before = (await store.ValuesAsync()).ToDictionary(v => v.GetProperty("id").GetInt32(), v => v.GetRawText());

        await (await store.V2.DeleteAsync("customers?min_id=2")).ShouldBeAsync(HttpStatusCode.NoContent);

        (await store.SnapshotAsync()).ShouldBe(Kept(before, 1, 2));
    }

    [Fact]
    public async Task Deleting_an_attribute_deletes_its_values_only()
    {
        var store = await StoreWithValuesAsync();
        var before = (await store.ValuesAsync()).ToDictionary(v => v.GetProperty("id").GetInt32(), v => v.GetRawText());

        await (await store.V3.DeleteAsync($"customers/attributes?id:in={Birthday}")).ShouldBeEmpty204Async();

        (await store.SnapshotAsync()).ShouldBe(Kept(before, 1, 2, 3, 5));
        // the attribute's id is gone for good: setting it again is an unknown attribute
        await (await store.PutValuesAsync(new[] { Item(2, Birthday, "1983-02-01") })).ShouldBeInvalidBodyAsync("0.attribute_id");
        (await store.SnapshotAsync()).ShouldBe(Kept(before, 1, 2, 3, 5));
    }

    [Fact]
    public async Task Values_of_a_deleted_customer_cannot_be_set_again()
    {
        var store = await StoreWithValuesAsync();
        await (await store.V2.DeleteAsync("customers/3")).ShouldBeAsync(HttpStatusCode.NoContent);
        var before = await store.SnapshotAsync();

        await (await store.PutValuesAsync(new[] { Item(1, Age, "31"), Item(3, Age, "53") })).ShouldBeInvalidBodyAsync("1.customer_id");

        (await store.SnapshotAsync()).ShouldBe(before);
    }
}

public sealed class DeleteAndCascadeTests_Sqlite(SqliteApi api) : DeleteAndCascadeTests(api), IClassFixture<SqliteApi>;

public sealed class DeleteAndCascadeTests_Postgres(PostgresApi api) : DeleteAndCascadeTests(api), IClassFixture<PostgresApi>;
