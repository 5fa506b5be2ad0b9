using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.AttributeValues.ValueSetup;

namespace CustomerApi.Tests.V3.AttributeValues;

/// <summary>Every store is its own tenant: its own value ids, and no reach into another store's values, customers or attributes.</summary>
public abstract class StoreIsolationTests(ApiFixture api)
{
    /// <summary>Store A: customers 1, 2, attributes 1 to 3, values 1 (c1 Nickname), 2 (c2 Age). Store B: customer 1, attribute 1.</summary>
    private async Task<(TestStore A, TestStore B)> TwoStoresAsync()
    {
        var a = await api.SeededStoreAsync();
        await a.UpsertValuesAsync((1, Nickname, "A-Jo"), (2, Age, "41"));
        var b = await api.NewStoreAsync();
        (await b.CreateCustomersAsync(1)).ShouldBe([1]);
        (await b.CreateAttributesAsync(("Colour", "string"))).ShouldBe([1]);
        return (a, b);
    }

    [Fact]
    public async Task Each_store_lists_only_its_own_values_and_numbers_them_from_1()
    {
        var (a, b) = await TwoStoresAsync();
        var aBefore = await a.SnapshotAsync();

        (await b.ValuesAsync()).ShouldBeEmpty();
        (await b.ValuesAsync("customer_id:in=1,2&attribute_id:in=1,2")).ShouldBeEmpty();
        (await b.ValuesAsync("name=Nickname")).ShouldBeEmpty();

        var created = (await b.UpsertValuesAsync((1, 1, "B-blue"))).ShouldHaveSingleItem();

        created.ShouldBeValue(1, customerId: 1, attributeId: 1, "B-blue");
        (await b.SnapshotAsync()).ShouldBe([created.GetRawText()]);
        (await a.SnapshotAsync()).ShouldBe(aBefore);
    }

    [Theory]
    [InlineData(2, 1, "0.customer_id")]
    [InlineData(1, 2, "0.attribute_id")]
    [InlineData(2, 3, "0.customer_id,0.attribute_id")]
    public async Task A_store_cannot_set_values_on_another_stores_customers_or_attributes(int customerId, int attributeId, string keys)
    {
        var (a, b) = await TwoStoresAsync();
        var aBefore = await a.SnapshotAsync();

        await (await b.PutValuesAsync(new[] { Item(customerId, attributeId, "2024-05-14") })).ShouldBeInvalidBodyAsync(keys.Split(','));

        (await b.ValuesAsync()).ShouldBeEmpty();
        (await a.SnapshotAsync()).ShouldBe(aBefore);
    }

    [Fact]
    public async Task A_store_cannot_claim_another_stores_value_id()
    {
        var (a, b) = await TwoStoresAsync();
        var aBefore = await a.SnapshotAsync();

        await (await b.PutValuesAsync(new[] { new { id = 1, customer_id = 1, attribute_id = 1, value = "B" } })).ShouldBeInvalidBodyAsync("0.id");

        (await b.ValuesAsync()).ShouldBeEmpty();
        (await a.SnapshotAsync()).ShouldBe(aBefore);
    }

    [Fact]
    public async Task A_store_cannot_delete_another_stores_values()
    {
        var (a, b) = await TwoStoresAsync();
        var aBefore = await a.SnapshotAsync();

        await (await b.V3.DeleteAsync($"{Url}?id:in=1,2")).ShouldBeEmpty204Async();
        await (await b.V3.DeleteAsync("customers/attributes?id:in=1,2")).ShouldBeEmpty204Async();
        await (await b.V2.DeleteAsync("customers")).ShouldBeEmpty204Async();

        (await a.SnapshotAsync()).ShouldBe(aBefore);
    }
}

public sealed class StoreIsolationTests_Sqlite(SqliteApi api) : StoreIsolationTests(api), IClassFixture<SqliteApi>;

public sealed class StoreIsolationTests_Postgres(PostgresApi api) : StoreIsolationTests(api), IClassFixture<PostgresApi>;
