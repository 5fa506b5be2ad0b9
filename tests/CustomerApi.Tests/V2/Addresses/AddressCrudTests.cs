using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Addresses;

public abstract class AddressCrudTests(ApiFixture api)
{
    [Fact]
    public async Task Create_returns_201_with_the_full_address_in_BigCommerce_order_and_a_Location()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var response = await store.V2.PostJsonAsync($"customers/{customerId}/addresses", AddressCalls.Body(new
        {
            company = "BigCommerce", street_2 = "Suite 100", address_type = "commercial",
        }));

        var address = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/stores/{store.Hash}/v2/customers/{customerId}/addresses/1");
        address.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "id", "customer_id", "first_name", "last_name", "company", "street_1", "street_2", "city", "state", "zip",
            "country", "country_iso2", "phone", "address_type",
        ]);
        address.GetProperty("id").GetInt32().ShouldBe(1);
        address.GetProperty("customer_id").GetInt32().ShouldBe(customerId);
        address.GetProperty("first_name").GetString().ShouldBe("Trisha");
        address.GetProperty("last_name").GetString().ShouldBe("McLaughlin");
        address.GetProperty("company").GetString().ShouldBe("BigCommerce");
        address.GetProperty("street_1").GetString().ShouldBe("12345 W Anderson Ln");
        address.GetProperty("street_2").GetString().ShouldBe("Suite 100");
        address.GetProperty("city").GetString().ShouldBe("Austin");
        address.GetProperty("state").GetString().ShouldBe("Texas");
        address.GetProperty("zip").GetString().ShouldBe("78757");
        address.GetProperty("country").GetString().ShouldBe("United States");
        address.GetProperty("country_iso2").GetString().ShouldBe("US");
        address.GetProperty("phone").GetString().ShouldBe("512-555-0100");
        address.GetProperty("address_type").GetString().ShouldBe("commercial");
    }

    [Fact]
    public async Task Optional_fields_default_to_empty_strings_and_residential()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var address = await store.CreateAddressAsync(customerId);

        address.GetProperty("company").GetString().ShouldBe("");
        address.GetProperty("street_2").GetString().ShouldBe("");
        address.GetProperty("address_type").GetString().ShouldBe("residential");
    }

    [Fact]
    public async Task Get_returns_what_create_returned()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        var created = await store.CreateAddressAsync(customerId, new { company = "Acme" });

        var fetched = await (await store.V2.GetAsync($"customers/{customerId}/addresses/1")).ShouldBeAsync(HttpStatusCode.OK);

        fetched.ToString().ShouldBe(created.ToString());
    }

    [Fact]
    public async Task List_is_sorted_by_id_and_pages_with_page_and_limit()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAddressAsync(customerId, new { street_1 = $"{i} Main St" });
        }

        var all = await (await store.V2.GetAsync($"customers/{customerId}/addresses")).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await store.V2.GetAsync($"customers/{customerId}/addresses?page=2&limit=2")).ShouldBeAsync(HttpStatusCode.OK);
        var last = await (await store.V2.GetAsync($"customers/{customerId}/addresses?page=3&limit=2")).ShouldBeAsync(HttpStatusCode.OK);
        var beyond = await store.V2.GetAsync($"customers/{customerId}/addresses?page=4&limit=2");

        all.Ids().ShouldBe([1, 2, 3, 4, 5]);
        all[0].GetProperty("street_1").GetString().ShouldBe("0 Main St");
        second.Ids().ShouldBe([3, 4]);
        last.Ids().ShouldBe([5]);
        beyond.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await beyond.Content.ReadAsStringAsync()).ShouldBe("");
    }

    [Fact]
    public async Task List_of_a_customer_without_addresses_is_204_with_no_body_and_count_is_0()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var response = await store.V2.GetAsync($"customers/{customerId}/addresses");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBe("");
        (await store.AddressCountAsync(customerId)).ShouldBe(0);
    }

    [Fact]
    public async Task Count_counts_only_this_customers_addresses()
    {
        var store = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");
        await store.CreateAddressAsync(jane);
        await store.CreateAddressAsync(jane);
        await store.CreateAddressAsync(john);

        var body = await (await store.V2.GetAsync($"customers/{jane}/addresses/count")).ShouldBeAsync(HttpStatusCode.OK);

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["count"]);
        body.GetProperty("count").GetInt32().ShouldBe(2);
        (await store.AddressCountAsync(john)).ShouldBe(1);
    }

    [Fact]
    public async Task Put_changes_only_the_fields_sent_and_returns_200_with_the_address()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId, new { company = "Acme" });

        var updated = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1",
            new { city = "London", state = "Greater London", zip = "SW1A 1AA", country = "United Kingdom", address_type = "commercial" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        updated.GetProperty("id").GetInt32().ShouldBe(1);
        updated.GetProperty("city").GetString().ShouldBe("London");
        updated.GetProperty("state").GetString().ShouldBe("Greater London");
        updated.GetProperty("zip").GetString().ShouldBe("SW1A 1AA");
        updated.GetProperty("country").GetString().ShouldBe("United Kingdom");
        updated.GetProperty("country_iso2").GetString().ShouldBe("GB");
        updated.GetProperty("address_type").GetString().ShouldBe("commercial");
        updated.GetProperty("first_name").GetString().ShouldBe("Trisha");
        updated.GetProperty("company").GetString().ShouldBe("Acme");
        updated.GetProperty("street_1").GetString().ShouldBe("12345 W Anderson Ln");
        updated.GetProperty("phone").GetString().ShouldBe("512-555-0100");
        (await (await store.V2.GetAsync($"customers/{customerId}/addresses/1")).ShouldBeAsync(HttpStatusCode.OK))
            .ToString().ShouldBe(updated.ToString());
    }

    [Fact]
    public async Task Put_with_an_empty_object_changes_nothing()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        var created = await store.CreateAddressAsync(customerId);

        var updated = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", new { })).ShouldBeAsync(HttpStatusCode.OK);

        updated.ToString().ShouldBe(created.ToString());
    }

    [Fact]
    public async Task Delete_one_returns_204_and_the_address_is_gone()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        await store.CreateAddressAsync(customerId);

        var response = await store.V2.DeleteAsync($"customers/{customerId}/addresses/1");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBe("");
        await (await store.V2.GetAsync($"customers/{customerId}/addresses/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        await (await store.V2.DeleteAsync($"customers/{customerId}/addresses/1")).ShouldBeV2ErrorAsync(HttpStatusCode.NotFound);
        (await (await store.V2.GetAsync($"customers/{customerId}/addresses")).ShouldBeAsync(HttpStatusCode.OK)).Ids().ShouldBe([2]);
    }

    [Fact]
    public async Task Delete_all_removes_every_address_of_that_customer_only()
    {
        var store = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");
        await store.CreateAddressAsync(jane);
        await store.CreateAddressAsync(jane);
        await store.CreateAddressAsync(john);

        var response = await store.V2.DeleteAsync($"customers/{jane}/addresses");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await store.AddressCountAsync(jane)).ShouldBe(0);
        (await store.V2.GetAsync($"customers/{jane}/addresses")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await store.V2.GetAsync($"customers/{john}/addresses")).ShouldBeAsync(HttpStatusCode.OK)).Ids().ShouldBe([3]);
        (await store.V2.DeleteAsync($"customers/{jane}/addresses")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Ids_start_at_1_in_each_store_are_shared_by_its_customers_and_never_reused()
    {
        var store = await api.NewStoreAsync();
        var other = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");
        var elsewhere = await other.NewCustomerAsync();

        (await store.CreateAddressAsync(jane)).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.CreateAddressAsync(john)).GetProperty("id").GetInt32().ShouldBe(2);
        (await other.CreateAddressAsync(elsewhere)).GetProperty("id").GetInt32().ShouldBe(1);
        (await store.V2.DeleteAsync($"customers/{john}/addresses/2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await store.CreateAddressAsync(jane)).GetProperty("id").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_customers_addresses_link_points_at_this_resource_on_the_requests_host()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var request = new HttpRequestMessage(HttpMethod.Get, $"customers/{customerId}");
        request.Headers.Host = "api.example.test:8080";

        var link = (await (await store.V2.SendAsync(request)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("addresses");

        var url = link.GetProperty("url").GetString()!;
        url.ShouldBe($"http://api.example.test:8080/stores/{store.Hash}/v2/customers/{customerId}/addresses");
        link.GetProperty("resource").GetString().ShouldBe($"/customers/{customerId}/addresses");
        var listed = await (await store.V2.GetAsync(new Uri(url).PathAndQuery)).ShouldBeAsync(HttpStatusCode.OK);
        listed.Ids().ShouldBe([1]);
    }
}

public sealed class AddressCrudTests_Sqlite(SqliteApi api) : AddressCrudTests(api), IClassFixture<SqliteApi>;

public sealed class AddressCrudTests_Postgres(PostgresApi api) : AddressCrudTests(api), IClassFixture<PostgresApi>;
