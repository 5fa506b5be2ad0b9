using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.V3TestStores;

namespace CustomerApi.Tests.V3;

/// <summary>V2 customers and V3 attribute values live in one store: the same customers, ids and tenant boundary.</summary>
public abstract class V2AndV3SharedStoreTests(ApiFixture api)
{
    [Fact]
    public async Task A_customer_made_through_V2_gets_attribute_values_through_V3()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("first@example.com");
        var customerId = (await store.CreateCustomerAsync("second@example.com")).GetProperty("id").GetInt32();
        var (age, since) = await store.CreateAttributesAsync(("Age", "number"), ("Since", "date")) is [var a, var s] ? (a, s) : default;

        var upserted = await store.UpsertValuesAsync((customerId, age, "42"), (customerId, since, "2024-05-14"));

        upserted.Length.ShouldBe(2);
        var listed = (await (await store.V3.GetAsync($"{ValuesUrl}?customer_id:in={customerId}")).ShouldBeAsync(HttpStatusCode.OK)).Data();
        listed.Select(v => (v.GetProperty("customer_id").GetInt32(), v.GetProperty("attribute_id").GetInt32(), v.GetProperty("attribute_value").GetString()))
            .ShouldBe([(customerId, age, "42"), (customerId, since, "2024-05-14")]);
        (await (await store.V2.GetAsync($"customers/{customerId}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("email").GetString()
            .ShouldBe("second@example.com");
    }

    [Fact]
    public async Task Deleting_the_customer_through_V2_deletes_its_V3_values_and_only_its()
    {
        var store = await api.NewStoreAsync();
        var gone = (await store.CreateCustomerAsync("gone@example.com")).GetProperty("id").GetInt32();
        var stays = (await store.CreateCustomerAsync("stays@example.com")).GetProperty("id").GetInt32();
        var attribute = (await store.CreateAttributesAsync(("Tier", "string"))).Single();
        await store.UpsertValuesAsync((gone, attribute, "gold"), (stays, attribute, "silver"));

        (await store.V2.DeleteAsync($"customers/{gone}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.ValueTextsAsync()).ShouldBe(["silver"]);
        var refused = await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = gone, attribute_id = attribute, value = "back" } });
        (await refused.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors().Keys.ShouldBe(["0.customer_id"]);
        (await store.ValueTextsAsync()).ShouldBe(["silver"]);
    }

    [Fact]
    public async Task A_customer_or_attribute_of_another_store_cannot_be_given_a_value()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await store.SeedAsync();
        await other.SeedAsync("other@example.com");
        (await other.CreateCustomerAsync("other2@example.com")).GetProperty("id").GetInt32().ShouldBe(2);
        (await other.CreateAttributesAsync(("Other only", "string"))).ShouldBe([2]);
        var before = await store.SnapshotAsync();
        var otherBefore = await other.SnapshotAsync();

        var foreignCustomer = await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = 2, attribute_id = 1, value = "1" } });
        var foreignAttribute = await store.V3.PutJsonAsync(ValuesUrl, new[] { new { customer_id = 1, attribute_id = 2, value = "1" } });

        (await foreignCustomer.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors().Keys.ShouldBe(["0.customer_id"]);
        (await foreignAttribute.ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity)).Errors().Keys.ShouldBe(["0.attribute_id"]);
        (await store.SnapshotAsync()).ShouldBe(before);
        (await other.SnapshotAsync()).ShouldBe(otherBefore);
    }
}

public sealed class V2AndV3SharedStoreTests_Sqlite(SqliteApi api) : V2AndV3SharedStoreTests(api), IClassFixture<SqliteApi>;

public sealed class V2AndV3SharedStoreTests_Postgres(PostgresApi api) : V2AndV3SharedStoreTests(api), IClassFixture<PostgresApi>;
