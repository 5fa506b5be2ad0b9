using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;
using CustomerApi.Tests.V3.Customers;

namespace CustomerApi.Tests.V3.Addresses;

/// <summary>
/// <c>GET</c> and <c>DELETE /v3/customers/addresses</c>: V2's address book seen through V3, the same rows and ids, filtered
/// and paged with <c>meta.pagination</c> only.
/// </summary>
public abstract class AddressListTests(ApiFixture api)
{
    private const string Url = "customers/addresses";

    /// <summary>Customers 1 and 2; addresses 1-2 of customer 1 and 3 of customer 2, through V2.</summary>
    private async Task<TestStore> StoreWithAddressesAsync()
    {
        var store = await api.NewStoreAsync();
        (await store.NewCustomerAsync("one@example.com")).ShouldBe(1);
        (await store.NewCustomerAsync("two@example.com")).ShouldBe(2);
        await store.CreateAddressAsync(1, new { first_name = "Jane", last_name = "Doe", company = "Acme" });
        await store.CreateAddressAsync(1, new { first_name = "Éva", last_name = "Kovács", company = "Globex", street_2 = "Suite 2", address_type = "commercial" });
        await store.CreateAddressAsync(2, new { first_name = "Jane", last_name = "Doe", company = "acme" });
        return store;
    }

    private static async Task<int[]> IdsAsync(TestStore store, string query = "") =>
        [.. (await (await store.V3.GetAsync($"{Url}?{query}")).ShouldBeAsync(HttpStatusCode.OK)).Data().Select(a => a.GetProperty("id").GetInt32())];

    [Fact]
    public async Task Addresses_made_through_V2_are_listed_with_their_ids_in_V3_fields_id_first_then_alphabetical()
    {
        var store = await StoreWithAddressesAsync();

        var body = await (await store.V3.GetAsync(Url)).ShouldBeAsync(HttpStatusCode.OK);

        body.Data().Select(a => a.GetProperty("id").GetInt32()).ShouldBe([1, 2, 3]);
        var second = body.Data()[1];
        second.EnumerateObject().Select(p => p.Name).ShouldBe(CustomerListV3.AddressShape);
        second.GetProperty("customer_id").GetInt32().ShouldBe(1);
        second.GetProperty("first_name").GetString().ShouldBe("Éva");
        second.GetProperty("address1").GetString().ShouldBe("12345 W Anderson Ln");
        second.GetProperty("address2").GetString().ShouldBe("Suite 2");
        second.GetProperty("state_or_province").GetString().ShouldBe("Texas");
        second.GetProperty("postal_code").GetString().ShouldBe("78757");
        second.GetProperty("country").GetString().ShouldBe("United States");
        second.GetProperty("country_code").GetString().ShouldBe("US");
        second.GetProperty("address_type").GetString().ShouldBe("commercial");
        body.GetProperty("meta").EnumerateObject().Select(p => p.Name).ShouldBe(["pagination"]);
        body.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("customer_id:in=1", new[] { 1, 2 })]
    [InlineData("customer_id:in=2,7", new[] { 3 })]
    [InlineData("id:in=3,1", new[] { 1, 3 })]
    [InlineData("id:in=1,2&customer_id:in=2", new int[0])]
    [InlineData("company:in=Acme", new[] { 1 })]
    [InlineData("company:in=Acme,Globex", new[] { 1, 2 })]
    [InlineData("name:in=jane%20doe", new[] { 1, 3 })]
    [InlineData("name:in=James+Moriarty,%C3%89VA%20KOV%C3%81CS", new[] { 2 })]
    [InlineData("name:in=Jane", new int[0])]
    [InlineData("customer_id:in=", new int[0])]
    [InlineData("customer_id:in=1&limit=1&page=2", new[] { 2 })]
    public async Task Filters_match_any_of_their_values_and_combine(string query, int[] expected)
    {
        var store = await StoreWithAddressesAsync();

        (await IdsAsync(store, query)).ShouldBe(expected);
    }

    [Fact]
    public async Task Form_fields_come_only_with_include_and_are_empty_while_the_store_defines_none()
    {
        var store = await StoreWithAddressesAsync();

        var plain = (await (await store.V3.GetAsync(Url)).ShouldBeAsync(HttpStatusCode.OK)).Data();
        var included = (await (await store.V3.GetAsync($"{Url}?include=formfields")).ShouldBeAsync(HttpStatusCode.OK)).Data();

        plain.Select(a => a.TryGetProperty("form_fields", out var _)).ShouldAllBe(has => !has);
        included.ShouldAllBe(a => a.GetProperty("form_fields").ValueKind == JsonValueKind.Array && a.GetProperty("form_fields").GetArrayLength() == 0);
    }

    [Theory]
    [InlineData("customer_id=1", "customer_id")] // [observed] BigCommerce's own 422 for this very filter
    [InlineData("email:in=a%40example.com", "email:in")]
    [InlineData("customer_id:in=x", "customer_id:in", "customer_id:in")]
    [InlineData("id:in=0", "id:in", "id:in")]
    [InlineData("include=addresses", "include", "include")]
    [InlineData("limit=0", "limit", "limit")]
    public async Task An_unknown_or_bad_filter_is_422(string query, string names, params string[] badValues)
    {
        var store = await StoreWithAddressesAsync();

        await (await store.V3.GetAsync($"{Url}?{query}")).ShouldBeBadFilterAsync(names, badValues);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_total_still_right()
    {
        var store = await StoreWithAddressesAsync();

        var body = await (await store.V3.GetAsync($"{Url}?page=5&limit=2")).ShouldBeAsync(HttpStatusCode.OK);

        body.Data().ShouldBeEmpty();
        var pagination = body.GetProperty("meta").GetProperty("pagination");
        pagination.GetProperty("total").GetInt32().ShouldBe(3);
        pagination.GetProperty("total_pages").GetInt32().ShouldBe(2);
        pagination.GetProperty("current_page").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Delete_removes_the_listed_addresses_of_the_store_only_and_is_204_for_unknown_ids_and_none()
    {
        var store = await StoreWithAddressesAsync();
        var other = await StoreWithAddressesAsync();

        (await store.V3.DeleteAsync($"{Url}?id:in=1,3,99")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V3.DeleteAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.V3.DeleteAsync($"{Url}?id:in=")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await IdsAsync(store)).ShouldBe([2]);
        (await store.V2.GetAsync("customers/1/addresses/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.V2.GetAsync("customers/1/addresses/2")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IdsAsync(other)).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task A_bad_id_list_on_delete_is_422_and_deletes_nothing()
    {
        var store = await StoreWithAddressesAsync();

        await (await store.V3.DeleteAsync($"{Url}?id:in=1,x")).ShouldBeBadFilterAsync("id:in", "id:in");

        (await IdsAsync(store)).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Another_stores_token_is_401_and_its_addresses_are_never_listed()
    {
        var store = await StoreWithAddressesAsync();
        var other = await api.NewStoreAsync();

        (await (await other.V3.GetAsync(Url)).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        (await store.V3With(other.Token).GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await store.V3With(other.Token).DeleteAsync($"{Url}?id:in=1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await IdsAsync(store)).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Addresses_created_with_a_V3_customer_are_listed_with_their_names_found()
    {
        var store = await api.NewStoreAsync();
        await store.PostCustomersV3Async(CustomerListV3.NewCustomer("v3@example.com", "Ann", "Lee", new
        {
            addresses = new[] { CustomerListV3.NewAddress("1 Main St") },
        }));

        var listed = (await (await store.V3.GetAsync($"{Url}?customer_id:in=1")).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldHaveSingleItem();

        var name = $"{listed.GetProperty("first_name").GetString()} {listed.GetProperty("last_name").GetString()}";
        (await IdsAsync(store, $"name:in={Uri.EscapeDataString(name.ToUpperInvariant())}")).ShouldBe([listed.GetProperty("id").GetInt32()]);
    }
}

public sealed class AddressListTests_Sqlite(SqliteApi api) : AddressListTests(api), IClassFixture<SqliteApi>;

public sealed class AddressListTests_Postgres(PostgresApi api) : AddressListTests(api), IClassFixture<PostgresApi>;
