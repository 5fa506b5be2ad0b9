using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;

namespace CustomerApi.Tests.V2.Customers;

public abstract class ListFilterTests(ApiFixture api)
{
    [Fact]
    public async Task List_is_a_bare_array_sorted_by_id_ascending_with_every_customer_in_full()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupsAsync(3);
        await store.CreateCustomerAsync("zed@example.com", new
        {
            company = "Zed Inc", phone = "111", store_credit = 1.25, registration_ip_address = "10.0.0.1", customer_group_id = 3,
            notes = "first", tax_exempt_category = "A", reset_pass_on_login = true,
        });
        await store.CreateCustomerAsync("mid@example.com", new { first_name = "Mid" });
        await store.CreateCustomerAsync("abe@example.com", new { first_name = "Abe" });
        // Rewriting the first row moves it to the end of the table on PostgreSQL: only ORDER BY id keeps it first.
        (await store.V2.PutJsonAsync("customers/1", new { first_name = "Zora" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await store.V2.GetAsync("customers");

        var list = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        list.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3]);
        foreach (var customer in list.EnumerateArray())
        {
            customer.EnumerateObject().Select(p => p.Name).ShouldBe(CustomerListing.FullShape);
            var id = customer.GetProperty("id").GetInt32();
            var single = await (await store.V2.GetAsync($"customers/{id}")).ShouldBeAsync(HttpStatusCode.OK);
            customer.ToString().ShouldBe(single.ToString(), $"customer {id} differs between the list and GET customers/{id}");
        }

        var first = list[0];
        first.GetProperty("first_name").GetString().ShouldBe("Zora");
        first.GetProperty("last_name").GetString().ShouldBe("Doe");
        first.GetProperty("email").GetString().ShouldBe("zed@example.com");
        first.GetProperty("company").GetString().ShouldBe("Zed Inc");
        first.GetProperty("phone").GetString().ShouldBe("111");
        first.GetProperty("form_fields").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("date_created").GetString()!.ShouldEndWith(" +0000");
        first.GetProperty("date_modified").GetString()!.ShouldEndWith(" +0000");
        first.GetProperty("store_credit").GetString().ShouldBe("1.2500");
        first.GetProperty("registration_ip_address").GetString().ShouldBe("10.0.0.1");
        first.GetProperty("customer_group_id").GetInt32().ShouldBe(3);
        first.GetProperty("notes").GetString().ShouldBe("first");
        first.GetProperty("tax_exempt_category").GetString().ShouldBe("A");
        first.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeTrue();
        first.GetProperty("accepts_marketing").GetBoolean().ShouldBeFalse();
        first.GetProperty("addresses").GetProperty("url").GetString().ShouldBe($"http://localhost/stores/{store.Hash}/v2/customers/1/addresses");
        first.GetProperty("addresses").GetProperty("resource").GetString().ShouldBe("/customers/1/addresses");

        var last = list[2];
        last.GetProperty("first_name").GetString().ShouldBe("Abe");
        last.GetProperty("email").GetString().ShouldBe("abe@example.com");
        last.GetProperty("company").GetString().ShouldBe("");
        last.GetProperty("store_credit").GetString().ShouldBe("0.0000");
        last.GetProperty("customer_group_id").GetInt32().ShouldBe(0);
        last.GetProperty("reset_pass_on_login").GetBoolean().ShouldBeFalse();
        last.GetProperty("addresses").GetProperty("resource").GetString().ShouldBe("/customers/3/addresses");
    }

    [Fact]
    public async Task Deleted_customers_leave_the_list()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);
        (await store.V2.DeleteAsync("customers/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.V2.IdsAsync()).ShouldBe([1, 3, 4]);
    }

    [Fact]
    public async Task An_empty_store_lists_as_204_with_an_empty_body()
    {
        var store = await api.NewStoreAsync();

        await (await store.V2.GetAsync("customers")).ShouldBeEmptyNoContentAsync();
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_is_204_with_an_empty_body_not_an_empty_array()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.GetAsync("customers?email=nobody%40example.com")).ShouldBeEmptyNoContentAsync();
        await (await store.V2.GetAsync("customers?first_name=Nobody&page=1&limit=250")).ShouldBeEmptyNoContentAsync();
    }

    [Theory]
    [MemberData(nameof(CustomerListing.FilterCases), MemberType = typeof(CustomerListing))]
    public async Task Each_filter_returns_exactly_the_matching_customers_by_id(string query, int[] expected)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        (await store.V2.IdsAsync(query)).ShouldBe(expected, $"GET customers?{query}");
    }

    [Fact]
    public async Task Email_filter_ignores_case_and_surrounding_spaces_and_returns_the_address_as_stored()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        var list = await (await store.V2.GetAsync("customers?email=%20janet%40EXAMPLE.com%20")).ShouldBeAsync(HttpStatusCode.OK);

        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("id").GetInt32().ShouldBe(4);
        list[0].GetProperty("email").GetString().ShouldBe("JANET@Example.com");
        list[0].GetProperty("first_name").GetString().ShouldBe("Janet");
    }

    [Fact]
    public async Task Store_credit_filter_returns_the_amount_as_a_four_decimal_string()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        var list = await (await store.V2.GetAsync("customers?store_credit=10.5")).ShouldBeAsync(HttpStatusCode.OK);

        list.EnumerateArray().Select(c => c.GetProperty("store_credit").GetString()).ShouldBe(["10.5000", "10.5000"]);
    }

    [Fact]
    public async Task A_filter_sees_changes_made_by_an_update()
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);
        (await store.V2.PutJsonAsync("customers/2", new { company = "Acme", email = "JOHN.NEW@example.com" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await store.V2.IdsAsync("company=Acme")).ShouldBe([1, 2, 3]);
        (await store.V2.IdsAsync("company=Globex")).ShouldBeEmpty();
        (await store.V2.IdsAsync("email=john.new%40example.com")).ShouldBe([2]);
        (await store.V2.IdsAsync("email=john%40example.com")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CustomerListing.UnknownParameters), MemberType = typeof(CustomerListing))]
    public async Task An_unknown_query_parameter_is_400_naming_it(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.GetAsync("customers?" + query)).ShouldBeV2BadRequestAsync(CustomerListing.NotSupported(field));
    }

    [Theory]
    [MemberData(nameof(CustomerListing.InvalidValues), MemberType = typeof(CustomerListing))]
    public async Task A_filter_with_an_invalid_value_is_400_naming_the_filter(string query, string field)
    {
        var store = await api.NewStoreAsync();
        await CustomerListing.SeedAsync(store);

        await (await store.V2.GetAsync("customers?" + query)).ShouldBeV2BadRequestNamingAsync(field);
    }
}

public sealed class ListFilterTests_Sqlite(SqliteApi api) : ListFilterTests(api), IClassFixture<SqliteApi>;

public sealed class ListFilterTests_Postgres(PostgresApi api) : ListFilterTests(api), IClassFixture<PostgresApi>;
