using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3.Attributes;

/// <summary><c>DELETE customers/attributes?id:in=</c>, and what goes with an attribute: its values.</summary>
public abstract class AttributeDeleteTests(ApiFixture api)
{
    private const string ValuesUrl = "customers/attribute-values";

    [Theory]
    [InlineData("1,3", new[] { 2, 4 })]
    [InlineData("2", new[] { 1, 3, 4 })]
    [InlineData("4,1,2,3", new int[0])]
    [InlineData("3,3,3", new[] { 1, 2, 4 })]
    [InlineData("%201%20,%202", new[] { 3, 4 })]
    [InlineData("2,99,1000", new[] { 1, 3, 4 })]
    [InlineData("99", new[] { 1, 2, 3, 4 })]
    public async Task Delete_removes_the_listed_attributes_and_skips_unknown_ids(string ids, int[] left)
    {
        var store = await StoreWithFourAttributesAsync();

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in={ids}"));

        (await store.AttributeIdsAsync()).ShouldBe(left);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?id:in=")]
    [InlineData("?id:in=%20")]
    public async Task Delete_without_ids_is_204_and_deletes_nothing(string query)
    {
        var store = await StoreWithFourAttributesAsync();
        var before = await store.SnapshotAsync();

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync(AttributeCalls.Url + query));

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("id:in=abc", "id:in", new[] { "id:in" })]
    [InlineData("id:in=1,abc", "id:in", new[] { "id:in" })]
    [InlineData("id:in=0", "id:in", new[] { "id:in" })]
    [InlineData("id:in=1,-2", "id:in", new[] { "id:in" })]
    [InlineData("id:in=1.5", "id:in", new[] { "id:in" })]
    [InlineData("id:in=1,,2", "id:in", new[] { "id:in" })]
    [InlineData("id:in=99999999999", "id:in", new[] { "id:in" })]
    [InlineData("id=1", "id", new string[0])]
    [InlineData("name=First", "name", new string[0])]
    [InlineData("id:in=1&foo=2", "foo", new string[0])]
    public async Task A_bad_id_list_or_another_parameter_is_422_and_deletes_nothing(string query, string names, string[] badValues)
    {
        var store = await StoreWithFourAttributesAsync();
        var before = await store.SnapshotAsync();

        await (await store.V3.DeleteAsync($"{AttributeCalls.Url}?{query}")).ShouldBeBadFilterAsync(names, badValues);

        (await store.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Delete_touches_only_its_own_store()
    {
        var store = await StoreWithFourAttributesAsync();
        var other = await StoreWithFourAttributesAsync();
        var otherBefore = await other.SnapshotAsync();

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in=1,2,3"));

        (await store.AttributeIdsAsync()).ShouldBe([4]);
        (await other.SnapshotAsync()).ShouldBe(otherBefore);
    }

    [Fact]
    public async Task A_deleted_name_may_be_created_again_with_a_new_id_and_no_values()
    {
        var store = await StoreWithFourAttributesAsync();
        var customer = (await store.CreateCustomerAsync("jane@example.com")).GetProperty("id").GetInt32();
        await store.UpsertValuesAsync((customer, 1, "42"));

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in=1"));
        (await store.CreateAttributesAsync(("first", "date"))).ShouldBe([5]);

        (await store.ListAsync("name=First")).Data().ShouldHaveSingleItem().ShouldBeAttribute(5, "first", "date");
        (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_an_attribute_deletes_its_values_for_every_customer_and_keeps_the_others()
    {
        var store = await api.NewStoreAsync();
        var jane = (await store.CreateCustomerAsync("jane@example.com")).GetProperty("id").GetInt32();
        var john = (await store.CreateCustomerAsync("john@example.com")).GetProperty("id").GetInt32();
        var ids = await store.CreateAttributesAsync(("Age", "number"), ("Color", "string"), ("Birthday", "date"));
        var (age, color, birthday) = (ids[0], ids[1], ids[2]);
        var values = await store.UpsertValuesAsync(
            (jane, age, "42"), (jane, color, "blue"), (john, age, "37"), (john, birthday, "1990-01-01"), (john, color, "red"));
        var kept = values.Where(v => v.GetProperty("attribute_id").GetInt32() != age).ToArray();

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in={age}"));

        var left = (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data();
        left.Select(v => v.GetRawText()).ShouldBe(kept.Select(v => v.GetRawText()));
        (await (await store.V3.GetAsync($"{ValuesUrl}?attribute_id:in={age}")).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        (await store.AttributeIdsAsync()).ShouldBe([color, birthday]);

        await ShouldBeNoContentAsync(await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in={color},{birthday}"));

        (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        (await store.AttributeIdsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_delete_keeps_the_values_too()
    {
        var store = await StoreWithFourAttributesAsync();
        var customer = (await store.CreateCustomerAsync("jane@example.com")).GetProperty("id").GetInt32();
        var values = await store.UpsertValuesAsync((customer, 1, "x"), (customer, 2, "y"));

        await (await store.V3.DeleteAsync($"{AttributeCalls.Url}?id:in=1,x")).ShouldBeBadFilterAsync("id:in", "id:in");

        var left = (await (await store.V3.GetAsync(ValuesUrl)).ShouldBeAsync(HttpStatusCode.OK)).Data();
        left.Select(v => v.GetRawText()).ShouldBe(values.Select(v => v.GetRawText()));
    }

    private static async Task ShouldBeNoContentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"body: {body}");
        body.ShouldBeEmpty();
    }

    /// <summary>A store with 1 First, 2 Second, 3 Third, 4 Fourth (all string).</summary>
    private async Task<TestStore> StoreWithFourAttributesAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.CreateAttributesAsync(("First", "string"), ("Second", "string"), ("Third", "string"), ("Fourth", "string"))).ShouldBe([1, 2, 3, 4]);
        return store;
    }
}

public sealed class AttributeDeleteTests_Sqlite(SqliteApi api) : AttributeDeleteTests(api), IClassFixture<SqliteApi>;

public sealed class AttributeDeleteTests_Postgres(PostgresApi api) : AttributeDeleteTests(api), IClassFixture<PostgresApi>;
