using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;

namespace CustomerApi.Tests.V3.Addresses;

/// <summary>
/// <c>POST</c> and <c>PUT /v3/customers/addresses</c>: batches written whole or not at all, into the one address book V2
/// reads; an address the customer already has is skipped (200, absent from <c>data</c>), as the spec says.
/// </summary>
public abstract class AddressWriteTests(ApiFixture api)
{
    private const string Url = "customers/addresses";

    /// <summary>Every field a V3 address POST requires, plus <paramref name="changes"/> (a null value removes the field).</summary>
    private static Dictionary<string, object?> Address(int customerId, string address1 = "1 Main St", object? changes = null) =>
        new Dictionary<string, object?>
        {
            ["customer_id"] = customerId, ["first_name"] = "Ann", ["last_name"] = "Lee", ["address1"] = address1, ["city"] = "Austin",
            ["state_or_province"] = "Texas", ["postal_code"] = "78701", ["country_code"] = "US",
        }.With(changes);

    private static async Task<TestStore> StoreWithCustomersAsync(ApiFixture api)
    {
        var store = await api.NewStoreAsync();
        (await store.NewCustomerAsync("one@example.com")).ShouldBe(1);
        (await store.NewCustomerAsync("two@example.com")).ShouldBe(2);
        return store;
    }

    private static async Task<string> BookAsync(TestStore store) => await (await store.V3.GetAsync($"{Url}?limit=250")).Content.ReadAsStringAsync();

    [Fact]
    public async Task Created_addresses_come_back_in_request_order_in_V3_fields_and_are_V2_addresses_with_the_same_ids()
    {
        var store = await StoreWithCustomersAsync(api);
        await store.CreateAddressAsync(1); // id 1, through V2

        var data = (await (await store.V3.PostJsonAsync(Url, new[]
        {
            Address(2, "9 North Rd", new { company = "Acme", phone = "555-0100", address2 = "Flat 2", address_type = "commercial" }),
            Address(1, "5 South Rd", new { country_code = "gb", state_or_province = "Kent", postal_code = "CT1 1AA" }),
        })).ShouldBeAsync(HttpStatusCode.OK)).Data();

        data.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([2, 3]);
        data[0].GetProperty("customer_id").GetInt32().ShouldBe(2);
        data[0].GetProperty("company").GetString().ShouldBe("Acme");
        data[0].GetProperty("address_type").GetString().ShouldBe("commercial");
        data[1].GetProperty("country").GetString().ShouldBe("United Kingdom");
        data[1].GetProperty("country_code").GetString().ShouldBe("GB");
        data[1].GetProperty("address_type").GetString().ShouldBe("residential");
        var v2 = await (await store.V2.GetAsync("customers/2/addresses/2")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("street_1").GetString().ShouldBe("9 North Rd");
        v2.GetProperty("street_2").GetString().ShouldBe("Flat 2");
        v2.GetProperty("zip").GetString().ShouldBe("78701");
        v2.GetProperty("state").GetString().ShouldBe("Texas");
        v2.GetProperty("country_iso2").GetString().ShouldBe("US");
    }

    [Fact]
    public async Task An_address_the_customer_already_has_or_one_given_twice_is_skipped_and_absent_from_the_answer()
    {
        var store = await StoreWithCustomersAsync(api);
        (await (await store.V3.PostJsonAsync(Url, new[] { Address(1) })).ShouldBeAsync(HttpStatusCode.OK)).Data().Length.ShouldBe(1);

        var again = await (await store.V3.PostJsonAsync(Url, new[] { Address(1), Address(2), Address(2), Address(1, changes: new { phone = "555" }) }))
            .ShouldBeAsync(HttpStatusCode.OK);

        again.Data().Select(a => (a.GetProperty("id").GetInt32(), a.GetProperty("customer_id").GetInt32())).ShouldBe([(2, 2), (3, 1)]);
        (await (await store.V3.PostJsonAsync(Url, new[] { Address(1) })).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldBeEmpty();
        (await store.AddressCountAsync(1)).ShouldBe(2);
        (await store.AddressCountAsync(2)).ShouldBe(1);
    }

    [Theory]
    [InlineData("state_or_province")]
    [InlineData("postal_code")]
    [InlineData("country_code")]
    [InlineData("customer_id")]
    [InlineData("address1")]
    public async Task A_missing_required_field_is_422_naming_item_and_field_and_nothing_is_written(string field)
    {
        var store = await StoreWithCustomersAsync(api);
        var before = await BookAsync(store);
        var missing = Address(1, "2 Side St");
        missing.Remove(field);

        var error = await (await store.V3.PostJsonAsync(Url, new[] { Address(2), missing })).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        error.Errors().Keys.ShouldBe([$"1.{field}"]);
        (await BookAsync(store)).ShouldBe(before);
    }

    [Theory]
    [InlineData("country_code", "USA")]
    [InlineData("country_code", "ZZ")]
    [InlineData("address_type", "home")]
    [InlineData("first_name", " ")]
    public async Task A_bad_value_is_422_naming_item_and_field(string field, string value)
    {
        var store = await StoreWithCustomersAsync(api);
        var body = Address(1);
        body[field] = value;

        var error = await (await store.V3.PostJsonAsync(Url, new[] { body })).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        error.Errors().Keys.ShouldBe([$"0.{field}"]);
        (await store.AddressCountAsync(1)).ShouldBe(0);
    }

    [Theory]
    [InlineData("US", "TX", "state_or_province must be spelled out: 'Texas', not the code 'TX'")]
    [InlineData("CA", "on", "state_or_province must be spelled out: 'Ontario', not the code 'on'")]
    [InlineData("AU", "Texas", "state_or_province must be a state of Australia, spelled out (e.g. 'Australian Capital Territory')")]
    public async Task Where_a_country_has_states_a_code_or_another_countrys_state_is_422(string country, string state, string reason)
    {
        var store = await StoreWithCustomersAsync(api);
        await store.CreateAddressAsync(1);

        var created = await (await store.V3.PostJsonAsync(Url, new[] { Address(2), Address(1, changes: new { country_code = country, state_or_province = state }) }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        var updated = await (await store.V3.PutJsonAsync(Url, new object[] { new { id = 1, country_code = country, state_or_province = state } }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        var moved = await (await store.V3.PutJsonAsync(Url, new object[] { new { id = 1, country_code = "AU" } }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity); // Texas is no state of Australia

        created.Errors().ShouldBe(new Dictionary<string, string> { ["1.state_or_province"] = reason });
        updated.Errors().ShouldBe(new Dictionary<string, string> { ["0.state_or_province"] = reason });
        moved.Errors().Keys.ShouldBe(["0.state_or_province"]);
        (await store.AddressCountAsync(2)).ShouldBe(0);
        (await (await store.V2.GetAsync("customers/1/addresses/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("country").GetString().ShouldBe("United States");
    }

    [Fact]
    public async Task An_address_given_with_a_V3_customer_follows_the_same_state_rule_and_may_leave_it_out()
    {
        var store = await api.NewStoreAsync();
        var address = new { first_name = "Ann", last_name = "Lee", address1 = "1 Main St", city = "Austin", country_code = "US" };

        var coded = new { address.first_name, address.last_name, address.address1, address.city, address.country_code, state_or_province = "CA" };
        var refused = await (await store.V3.PostJsonAsync("customers", new[]
        {
            new Dictionary<string, object?> { ["email"] = "ann@example.com", ["first_name"] = "Ann", ["last_name"] = "Lee", ["addresses"] = new object[] { address, coded } },
        })).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        refused.Errors().Keys.ShouldBe(["0.addresses.1.state_or_province"]);
        (await store.V2.GetFromJsonCountAsync()).ShouldBe(0);
        var created = (await (await store.V3.PostJsonAsync("customers", new[]
        {
            new Dictionary<string, object?> { ["email"] = "ann@example.com", ["first_name"] = "Ann", ["last_name"] = "Lee", ["addresses"] = new object[] { address } },
        })).ShouldBeAsync(HttpStatusCode.OK)).Data().ShouldHaveSingleItem();
        created.GetProperty("addresses")[0].GetProperty("state_or_province").GetString().ShouldBe("");
    }

    [Fact]
    public async Task A_state_in_another_case_is_answered_as_spelled_and_countries_without_a_list_take_any_text()
    {
        var store = await StoreWithCustomersAsync(api);

        var data = (await (await store.V3.PostJsonAsync(Url, new[]
        {
            Address(1, changes: new { state_or_province = "new YORK" }),
            Address(1, "2 Rue", new { country_code = "FR", state_or_province = "Île-de-France" }),
        })).ShouldBeAsync(HttpStatusCode.OK)).Data();

        data.Select(a => a.GetProperty("state_or_province").GetString()).ShouldBe(["New York", "Île-de-France"]);
    }

    [Fact]
    public async Task An_unknown_customer_or_another_stores_is_422_and_nothing_is_written()
    {
        var store = await StoreWithCustomersAsync(api);
        var other = await StoreWithCustomersAsync(api);
        await other.NewCustomerAsync("three@example.com");

        var error = await (await store.V3.PostJsonAsync(Url, new[] { Address(1), Address(3) })).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        error.GetProperty("title").GetString().ShouldBe("Create customer addresses failed.");
        error.Errors().Keys.ShouldBe(["1.customer_id"]);
        (await store.AddressCountAsync(1)).ShouldBe(0);
    }

    [Fact]
    public async Task A_named_form_field_is_422_while_the_store_defines_none_and_an_empty_list_is_fine()
    {
        var store = await StoreWithCustomersAsync(api);

        var error = await (await store.V3.PostJsonAsync(Url, new[] { Address(1, changes: new { form_fields = new[] { new { name = "Gate code", value = "42" } } }) }))
            .ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        error.Errors().Keys.ShouldBe(["0.form_fields.0.name"]);

        (await (await store.V3.PostJsonAsync(Url, new[] { Address(1, changes: new { form_fields = Array.Empty<object>() }) })).ShouldBeAsync(HttpStatusCode.OK))
            .Data().Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("[]", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"customer_id\":1}", HttpStatusCode.UnprocessableEntity)]
    public async Task An_empty_array_or_an_object_instead_of_one_is_refused(string body, HttpStatusCode status)
    {
        var store = await StoreWithCustomersAsync(api);

        await (await store.V3.PostJsonAsync(Url, body)).ShouldBeV3ErrorAsync(status);

        (await store.AddressCountAsync(1)).ShouldBe(0);
    }

    [Fact]
    public async Task Eleven_addresses_are_413_and_nothing_is_written()
    {
        var store = await StoreWithCustomersAsync(api);

        await (await store.V3.PostJsonAsync(Url, Enumerable.Range(1, 11).Select(i => Address(1, $"{i} Main St")).ToArray()))
            .ShouldBeV3ErrorAsync(HttpStatusCode.RequestEntityTooLarge);

        (await store.AddressCountAsync(1)).ShouldBe(0);
    }

    [Fact]
    public async Task Put_updates_by_id_what_it_is_sent_ignores_customer_id_and_answers_in_request_order()
    {
        var store = await StoreWithCustomersAsync(api);
        await store.CreateAddressAsync(1);
        await store.CreateAddressAsync(2);

        var data = (await (await store.V3.PutJsonAsync(Url, new object[]
        {
            new { id = 2, city = "Dallas", customer_id = 1 },
            new { id = 1, address1 = "77 New St", country_code = "CA", state_or_province = "Ontario", first_name = "Zoe" },
        })).ShouldBeAsync(HttpStatusCode.OK)).Data();

        data.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([2, 1]);
        data[0].GetProperty("customer_id").GetInt32().ShouldBe(2);
        data[0].GetProperty("city").GetString().ShouldBe("Dallas");
        data[0].GetProperty("address1").GetString().ShouldBe("12345 W Anderson Ln");
        var v2 = await (await store.V2.GetAsync("customers/1/addresses/1")).ShouldBeAsync(HttpStatusCode.OK);
        v2.GetProperty("street_1").GetString().ShouldBe("77 New St");
        v2.GetProperty("country").GetString().ShouldBe("Canada");
        v2.GetProperty("first_name").GetString().ShouldBe("Zoe");
        (await store.V2.GetAsync("customers/2/addresses/2")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await store.V3.GetAsync($"{Url}?name:in=zoe%20mclaughlin")).ShouldBeAsync(HttpStatusCode.OK)).Data().Length.ShouldBe(1);
    }

    [Fact]
    public async Task Put_into_another_address_of_the_customer_is_skipped_and_absent_from_the_answer()
    {
        var store = await StoreWithCustomersAsync(api);
        await store.CreateAddressAsync(1);
        await store.CreateAddressAsync(1, new { city = "Dallas" });

        var data = (await (await store.V3.PutJsonAsync(Url, new object[] { new { id = 2, city = "Austin" }, new { id = 1, phone = "555-0000" } }))
            .ShouldBeAsync(HttpStatusCode.OK)).Data();

        data.Select(a => a.GetProperty("id").GetInt32()).ShouldBe([1]);
        (await (await store.V2.GetAsync("customers/1/addresses/2")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("city").GetString().ShouldBe("Dallas");
    }

    [Theory]
    [InlineData("[{\"id\":9,\"city\":\"X\"}]", "0.id")]
    [InlineData("[{\"id\":1,\"city\":\"X\"},{\"id\":1,\"city\":\"Y\"}]", "1.id")]
    [InlineData("[{\"city\":\"X\"}]", "0.id")]
    [InlineData("[{\"id\":1,\"country_code\":\"XX\"}]", "0.country_code")]
    public async Task Put_with_an_unknown_repeated_or_missing_id_or_a_bad_field_is_422_and_nothing_is_written(string body, string key)
    {
        var store = await StoreWithCustomersAsync(api);
        await store.CreateAddressAsync(1);
        var before = await BookAsync(store);

        var error = await (await store.V3.PutJsonAsync(Url, body)).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);

        error.Errors().Keys.ShouldContain(key);
        (await BookAsync(store)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_stores_address_cannot_be_updated_or_reached_with_its_token()
    {
        var store = await StoreWithCustomersAsync(api);
        var other = await StoreWithCustomersAsync(api);
        await other.CreateAddressAsync(1);

        await (await store.V3.PutJsonAsync(Url, new[] { new { id = 1, city = "X" } })).ShouldBeV3ErrorAsync(HttpStatusCode.UnprocessableEntity);
        (await store.V3With(other.Token).PostJsonAsync(Url, new[] { Address(1) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await (await other.V2.GetAsync("customers/1/addresses/1")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("city").GetString().ShouldBe("Austin");
        (await store.AddressCountAsync(1)).ShouldBe(0);
    }

    [Fact]
    public async Task Racing_creates_of_one_address_make_it_once()
    {
        var store = await StoreWithCustomersAsync(api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => store.V3.PostJsonAsync(Url, new[] { Address(1) })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await store.AddressCountAsync(1)).ShouldBe(1);
    }

    [Fact]
    public async Task Updates_racing_deletes_of_their_addresses_answer_200_204_or_409_never_500()
    {
        var store = await StoreWithCustomersAsync(api);
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAddressAsync(1, new { street_1 = $"{i} Race St" });
        }

        var writes = Enumerable.Range(1, 10).SelectMany(id => new[]
        {
            store.V3.PutJsonAsync(Url, new[] { new { id, city = "Dallas" } }),
            store.V3.DeleteAsync($"{Url}?id:in={id}"),
        });
        var statuses = (await Task.WhenAll(writes)).Select(r => r.StatusCode).ToList();

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.NoContent || s == HttpStatusCode.Conflict
            || s == HttpStatusCode.UnprocessableEntity);
        (await store.AddressCountAsync(1)).ShouldBe(0);
    }
}

public sealed class AddressWriteTests_Sqlite(SqliteApi api) : AddressWriteTests(api), IClassFixture<SqliteApi>;

public sealed class AddressWriteTests_Postgres(PostgresApi api) : AddressWriteTests(api), IClassFixture<PostgresApi>;
