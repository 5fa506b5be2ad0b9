using System.Net;
using CustomerApi.Tests.Infrastructure;
using static CustomerApi.Tests.V3.Customers.CustomerListV3;

namespace CustomerApi.Tests.V3.Customers;

/// <summary>
/// <c>GET /v3/customers</c> reads a page and what it includes in a fixed number of statements, however many customers
/// the page holds: never one per customer.
/// </summary>
public abstract class ListQueryCountTests(ApiFixture api)
{
    private const string Include = "include=addresses,attributes,storecredit";

    [Fact]
    public async Task A_page_of_30_customers_with_addresses_and_attribute_values_costs_what_a_page_of_3_costs()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?>(), queries.Services);
        var store = await TestStore.NewOnAsync(factory);
        (await store.CreateAttributesAsync(("Shoe size", "number"), ("Nickname", "string"))).ShouldBe([1, 2]);
        for (var call = 0; call < 3; call++)
        {
            await store.PostCustomersV3Async([.. Enumerable.Range(call * 10 + 1, 10).Select(i => NewCustomer($"c{i}@example.com", "Pat", $"Name{i}", new
            {
                addresses = new[] { NewAddress($"{i} Main St"), NewAddress($"{i} Side St") },
                attributes = new[] { new { attribute_id = 1, attribute_value = $"{i}" }, new { attribute_id = 2, attribute_value = $"n{i}" } },
                store_credit_amounts = new[] { new { amount = i } },
            }))]);
        }

        (await store.V3.GetAsync($"{Url}?{Include}")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm-up: auth and caches
        async Task<int> CostAsync(string query, int expectedCount)
        {
            var before = queries.Count;
            var body = await store.ListV3Async(query);
            var cost = queries.Count - before;
            body.Data().Length.ShouldBe(expectedCount, query);
            body.Data().ShouldAllBe(c => c.GetProperty("addresses").GetArrayLength() == 2 && c.GetProperty("attributes").GetArrayLength() == 2);
            return cost;
        }

        var three = await CostAsync($"{Include}&limit=3", 3);
        var thirty = await CostAsync($"{Include}&limit=30", 30);
        var filteredThree = await CostAsync($"{Include}&limit=3&name:like=pat", 3);
        var filteredThirty = await CostAsync($"{Include}&limit=30&name:like=pat", 30);
        var secondPageThree = await CostAsync($"{Include}&limit=3&page=2", 3);
        var secondPageThirty = await CostAsync($"{Include}&limit=29&page=2", 1);
        var end = Uri.EscapeDataString((await store.ListV3Async("limit=1")).CursorPagination().GetProperty("end_cursor").GetString()!);
        var cursorThree = await CostAsync($"{Include}&limit=3&after={end}", 3);
        var cursorTwentyNine = await CostAsync($"{Include}&limit=29&after={end}", 29);

        thirty.ShouldBe(three);
        filteredThirty.ShouldBe(filteredThree);
        secondPageThirty.ShouldBe(secondPageThree);
        cursorTwentyNine.ShouldBe(cursorThree);
        // the count, the page, the addresses and the attribute values; by cursor the count gives way to "anything before?"
        three.ShouldBeLessThanOrEqualTo(4);
        cursorThree.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task Form_fields_of_a_page_of_30_customers_and_their_addresses_cost_what_those_of_a_page_of_3_cost_in_V3_and_V2()
    {
        var queries = new QueryCounter();
        await using var factory = await api.NewFactoryAsync(new Dictionary<string, string?>(), queries.Services);
        var store = await TestStore.NewWithFormFieldsOnAsync(factory,
            new CustomerApi.Bootstrap.FormFieldSeed { Name = "Sales Rep" },
            new CustomerApi.Bootstrap.FormFieldSeed { Name = "Gate code", Type = "numbers", For = "address" });
        for (var call = 0; call < 3; call++)
        {
            await store.PostCustomersV3Async([.. Enumerable.Range(call * 10 + 1, 10).Select(i => NewCustomer($"c{i}@example.com", "Pat", $"Name{i}", new
            {
                addresses = new[] { NewAddress($"{i} Main St", new { form_fields = new[] { new { name = "Gate code", value = i } } }) },
                form_fields = new[] { new { name = "Sales Rep", value = $"Rep {i}" } },
            }))]);
        }

        (await store.V3.GetAsync($"{Url}?include=formfields")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm-up: auth and caches
        async Task<int> CostAsync(HttpClient client, string url, int expectedCount)
        {
            var before = queries.Count;
            var body = await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
            var cost = queries.Count - before;
            var customers = body.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. body.EnumerateArray()] : body.Data();
            customers.Length.ShouldBe(expectedCount, url);
            customers.ShouldAllBe(c => c.GetProperty("form_fields")[0].GetProperty("value").GetString()!.StartsWith("Rep ", StringComparison.Ordinal));
            return cost;
        }

        const string V3Include = "include=addresses,formfields";
        (await CostAsync(store.V3, $"{Url}?{V3Include}&limit=30", 30)).ShouldBe(await CostAsync(store.V3, $"{Url}?{V3Include}&limit=3", 3));
        (await CostAsync(store.V2, "customers?limit=30", 30)).ShouldBe(await CostAsync(store.V2, "customers?limit=3", 3));
        var listed = (await store.ListV3Async($"{V3Include}&limit=1")).Data().Single();
        listed.GetProperty("addresses")[0].GetProperty("form_fields")[0].GetProperty("value").GetInt32().ShouldBe(1);
    }
}

public sealed class ListQueryCountTests_Sqlite(SqliteApi api) : ListQueryCountTests(api), IClassFixture<SqliteApi>;

public sealed class ListQueryCountTests_Postgres(PostgresApi api) : ListQueryCountTests(api), IClassFixture<PostgresApi>;
