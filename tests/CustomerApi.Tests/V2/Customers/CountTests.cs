using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Customers;

public abstract class CountTests(ApiFixture api)
{
    [Fact]
    public async Task Count_of_an_empty_store_is_200_with_count_0()
    {
        var store = await api.NewStoreAsync();

        var response = await store.V2.GetAsync("customers/count");

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        body.ValueKind.ShouldBe(JsonValueKind.Object);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["count"]);
        body.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Number);
        body.GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Count_route_wins_over_a_customer_id_and_counts_every_customer()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        var body = await (await store.V2.GetAsync("customers/count")).ShouldBeAsync(HttpStatusCode.OK);

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["count"]);
        body.GetProperty("count").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Count_follows_creates_and_deletes()
    {
        var store = await api.NewStoreAsync();
        await store.CreateCustomerAsync("a@example.com");
        await store.CreateCustomerAsync("b@example.com");
        await store.CreateCustomerAsync("c@example.com");
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(3);

        (await store.V2.DeleteAsync("customers/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task The_unfiltered_count_matches_the_customers_listed_after_refused_creates_racing_creates_and_every_kind_of_delete()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        await other.CreateCustomerAsync("other@example.com");
        var racing = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            store.V2.PostJsonAsync("customers", new { first_name = "R", last_name = "R", email = $"r{i % 8}@example.com" })));
        racing.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(8);
        (await store.V2.PostJsonAsync("customers", new { first_name = "G", last_name = "G", email = "g@example.com", customer_group_id = 99 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // an unknown group: refused after the id was taken, so rolled back
        await ShouldCountAsListedAsync(store, 8);

        var ids = await store.V2.IdsAsync("limit=250"); // ascending, with a gap where a racing create was refused
        (await store.V2.DeleteAsync($"customers/{ids[2]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.DeleteAsync($"customers/{ids[2]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.V2.DeleteAsync($"customers?min_id={ids[6]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V2.DeleteAsync("customers?email=nobody@example.com")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldCountAsListedAsync(store, 5);

        (await store.V2.DeleteAsync("customers")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await store.CreateCustomerAsync("after@example.com");
        await ShouldCountAsListedAsync(store, 1);
        await ShouldCountAsListedAsync(other, 1);
    }

    private static async Task ShouldCountAsListedAsync(TestStore store, int expected)
    {
        (await store.V2.IdsAsync("limit=250")).Length.ShouldBe(expected);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(CustomerListing.FilterCases), MemberType = typeof(CustomerListing))]
    public async Task Count_takes_the_same_filters_as_the_list(string query, int[] expected)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        (await store.V2.GetFromJsonCountAsync("?" + query)).ShouldBe(expected.Length, $"GET customers/count?{query}");
    }

    [Fact]
    public async Task Count_matching_nothing_is_200_with_count_0_not_204()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        var response = await store.V2.GetAsync("customers/count?email=nobody%40example.com");

        (await response.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Count_is_not_cut_to_one_page()
    {
        var store = await api.NewStoreAsync();
        for (var i = 1; i <= 52; i++)
        {
            await store.CreateCustomerAsync($"c{i}@example.com");
        }

        (await store.V2.GetFromJsonCountAsync()).ShouldBe(52);
    }

    [Theory]
    [MemberData(nameof(CustomerListing.UnknownParameters), MemberType = typeof(CustomerListing))]
    public async Task Count_with_an_unknown_query_parameter_is_400_naming_it(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.GetAsync("customers/count?" + query)).ShouldBeV2BadRequestAsync(CustomerListing.NotSupported(field));
    }

    [Theory]
    [MemberData(nameof(CustomerListing.InvalidValues), MemberType = typeof(CustomerListing))]
    public async Task Count_with_an_invalid_filter_value_is_400_naming_the_filter(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.GetAsync("customers/count?" + query)).ShouldBeV2BadRequestNamingAsync(field);
    }
}

public sealed class CountTests_Sqlite(SqliteApi api) : CountTests(api), IClassFixture<SqliteApi>;

public sealed class CountTests_Postgres(PostgresApi api) : CountTests(api), IClassFixture<PostgresApi>;
