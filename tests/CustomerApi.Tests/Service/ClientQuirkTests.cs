using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Customers;
using CustomerApi.Tests.V3;
using CustomerApi.Tests.V3.AttributeValues;

namespace CustomerApi.Tests.Service;

/// <summary>
/// What widely used clients send and BigCommerce's front door serves: a query parameter repeated with one value (a
/// popular Node client sends <c>limit=250&amp;limit=250</c>), repeated slashes and a trailing slash (BigCommerce's
/// alpha Node client asks for <c>/v3/customers//attributes</c>).
/// </summary>
public abstract class ClientQuirkTests(ApiFixture api)
{
    /// <summary>A store with customers 1 to 7 (V2), attributes 1 to 3 and values 1 to 3 (customer 1, each attribute).</summary>
    private async Task<TestStore> PopulatedStoreAsync()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomersAsync(7);
        (await store.CreateAttributesAsync(("Nickname", "string"), ("Age", "number"), ("Shoe", "number"))).ShouldBe([1, 2, 3]);
        await store.UpsertValuesAsync((1, 1, "Jo"), (1, 2, "30"), (1, 3, "42"));
        return store;
    }

    private static string Url(TestStore store, string path) => $"http://localhost/stores/{store.Hash}/{path}";

    private static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.RequestUri}: {text}");
        return text;
    }

    [Theory]
    [InlineData("v2/customers?limit=5&limit=5", "v2/customers?limit=5")]
    [InlineData("v2/customers?limit=250&limit=250", "v2/customers?limit=250")]
    [InlineData("v2/customers?page=2&limit=3&page=2&limit=3", "v2/customers?page=2&limit=3")]
    [InlineData("v2/customers?email=customer2%40example.com&email=customer2@example.com", "v2/customers?email=customer2@example.com")]
    [InlineData("v2/customers/count?min_id=3&min_id=3", "v2/customers/count?min_id=3")]
    [InlineData("v3/customers/attributes?limit=2&page=2&limit=2", "v3/customers/attributes?limit=2&page=2")]
    [InlineData("v3/customers/attribute-values?attribute_id:in=1,3&attribute_id:in=1,3", "v3/customers/attribute-values?attribute_id:in=1,3")]
    public async Task A_parameter_repeated_with_one_value_answers_like_the_parameter_given_once(string repeated, string once)
    {
        var store = await PopulatedStoreAsync();
        var expected = await BodyAsync(await store.V2.GetAsync(Url(store, once)), HttpStatusCode.OK);

        var body = await BodyAsync(await store.V2.GetAsync(Url(store, repeated)), HttpStatusCode.OK);

        body.ShouldBe(expected);
    }

    [Theory]
    [InlineData("customers?limit=5&limit=6", new[] { "limit" })]
    [InlineData("customers?page=1&limit=5&page=2&limit=6", new[] { "page", "limit" })]
    [InlineData("customers?limit=5&email=a@example.com&limit=5&email=b@example.com", new[] { "email" })]
    [InlineData("customers/count?min_id=1&min_id=2", new[] { "min_id" })]
    public async Task A_V2_parameter_repeated_with_different_values_is_400_naming_it(string query, string[] names)
    {
        var store = await PopulatedStoreAsync();

        var error = await (await store.V2.GetAsync(query)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        error.Messages().ShouldBe([.. names.Select(name => $"The field '{name}' is invalid.")]);
    }

    [Theory]
    [InlineData("customers/attributes?limit=5&limit=6", "limit")]
    [InlineData("customers/attribute-values?customer_id:in=1&customer_id:in=2", "customer_id:in")]
    public async Task A_V3_parameter_repeated_with_different_values_is_400_naming_it(string query, string name)
    {
        var store = await PopulatedStoreAsync();

        var error = await (await store.V3.GetAsync(query)).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);

        error.Errors().Keys.ShouldBe([name]);
        error.GetProperty("title").GetString()!.ShouldContain(name);
    }

    [Fact]
    public async Task A_delete_with_one_id_list_repeated_deletes_it_and_with_two_different_lists_deletes_nothing()
    {
        var store = await PopulatedStoreAsync();

        await (await store.V3.DeleteAsync($"{V3TestStores.ValuesUrl}?id:in=1,2&id:in=2,3")).ShouldBeV3ErrorAsync(HttpStatusCode.BadRequest);
        (await store.ValueIdsAsync()).ShouldBe([1, 2, 3]);

        await (await store.V3.DeleteAsync($"{V3TestStores.ValuesUrl}?id:in=1,2&id:in=1,2")).ShouldBeEmpty204Async();
        (await store.ValueIdsAsync()).ShouldBe([3]);
    }

    [Theory]
    [InlineData("v2/customers/", "v2/customers")]
    [InlineData("v2/customers//", "v2/customers")]
    [InlineData("v2//customers//3", "v2/customers/3")]
    [InlineData("v2/customers/count/", "v2/customers/count")]
    [InlineData("v3/customers/", "v3/customers")]
    [InlineData("v3/customers//attributes", "v3/customers/attributes")]
    [InlineData("v3/customers//attribute-values", "v3/customers/attribute-values")]
    [InlineData("v3/customers/attribute-values/?customer_id:in=1", "v3/customers/attribute-values?customer_id:in=1")]
    [InlineData("/v3///customers//attributes//?limit=2", "v3/customers/attributes?limit=2")]
    public async Task Repeated_and_trailing_slashes_answer_like_the_canonical_path(string quirky, string canonical)
    {
        var store = await PopulatedStoreAsync();
        var expected = await store.V2.GetAsync(Url(store, canonical));
        var expectedBody = await expected.Content.ReadAsStringAsync();

        var response = await store.V2.GetAsync(Url(store, quirky));

        (await BodyAsync(response, expected.StatusCode)).ShouldBe(expectedBody);
    }

    [Fact]
    public async Task Writes_through_double_and_trailing_slashes_work_and_give_canonical_locations()
    {
        var store = await PopulatedStoreAsync();

        var created = await store.V2.PostJsonAsync(Url(store, "v2//customers/"), new { first_name = "S", last_name = "L", email = "slash@example.com" });
        var customer = await created.ShouldBeAsync(HttpStatusCode.Created);
        customer.GetProperty("id").GetInt32().ShouldBe(8);
        created.Headers.Location!.OriginalString.ShouldBe($"/stores/{store.Hash}/v2/customers/8");

        var attributes = await store.V3.PostJsonAsync(Url(store, "v3/customers//attributes/"), new[] { new { name = "Slashed", type = "string" } });
        (await attributes.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().GetProperty("id").GetInt32().ShouldBe(4);

        var upsert = await store.V3.PutJsonAsync(Url(store, "v3/customers//attribute-values"), new[] { new { customer_id = 8, attribute_id = 4, value = "x" } });
        (await upsert.ShouldBeAsync(HttpStatusCode.OK)).Data().Single().GetProperty("id").GetInt32().ShouldBe(4);

        await (await store.V3.DeleteAsync(Url(store, "v3//customers//attribute-values/?id:in=1"))).ShouldBeEmpty204Async();
        (await store.ValueIdsAsync()).ShouldBe([2, 3, 4]);
    }

    [Fact]
    public async Task Slashed_paths_keep_their_store_auth_and_version()
    {
        var store = await PopulatedStoreAsync();
        var other = await api.NewStoreAsync();

        await (await other.V2.GetAsync(Url(store, "v2//customers/"))).ShouldBeV2ErrorAsync(HttpStatusCode.Unauthorized);
        await (await other.V3.GetAsync(Url(store, "v3/customers//attributes"))).ShouldBeV3ErrorAsync(HttpStatusCode.Unauthorized);
        await (await store.V2.GetAsync(Url(store, "v3//customers//nothing/"))).ShouldBeV3ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.GetAsync(Url(store, "v2//customers//99/"))).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await other.V2.GetFromJsonCountAsync()).ShouldBe(0);
    }
}

public sealed class ClientQuirkTests_Sqlite(SqliteApi api) : ClientQuirkTests(api), IClassFixture<SqliteApi>;

public sealed class ClientQuirkTests_Postgres(PostgresApi api) : ClientQuirkTests(api), IClassFixture<PostgresApi>;
