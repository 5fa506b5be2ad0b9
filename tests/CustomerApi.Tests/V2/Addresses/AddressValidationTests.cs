using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Addresses;

/// <summary>What an address body and query may carry: required fields, the country table, address types, paging.</summary>
public abstract class AddressValidationTests(ApiFixture api)
{
    public static TheoryData<string> RequiredFields =>
        ["first_name", "last_name", "phone", "street_1", "city", "state", "zip", "country"];

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Create_without_a_required_field_is_400_naming_it_and_creates_nothing(string field)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        var body = AddressCalls.Body();
        body.Remove(field);

        var errors = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", body)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors.GetArrayLength().ShouldBe(1);
        errors[0].GetProperty("message").GetString().ShouldBe($"The required field '{field}' was not supplied.");
        (await store.AddressCountAsync(customerId)).ShouldBe(0);
    }

    [Fact]
    public async Task Create_with_an_empty_body_object_names_every_required_field()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var errors = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", new { })).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors.GetArrayLength().ShouldBe(8);
        (await store.AddressCountAsync(customerId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("first_name", "")]
    [InlineData("last_name", "  ")]
    [InlineData("street_1", "")]
    [InlineData("city", "")]
    [InlineData("zip", "")]
    [InlineData("phone", "")]
    [InlineData("state", "")]
    public async Task A_required_field_sent_empty_is_400_on_create_and_update(string field, string value)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);
        var body = AddressCalls.Body();
        body[field] = value;

        var created = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", body)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        var updated = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", new Dictionary<string, string> { [field] = value }))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        foreach (var errors in new[] { created, updated })
        {
            errors[0].GetProperty("message").GetString().ShouldBe($"The field '{field}' is invalid.");
        }

        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_state_of_one_space_is_accepted_as_the_spec_advises()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var address = await store.CreateAddressAsync(customerId, new { state = " ", country = "Singapore" });

        address.GetProperty("state").GetString().ShouldBe(" ");
        address.GetProperty("country_iso2").GetString().ShouldBe("SG");
    }

    [Theory]
    [InlineData("United States", "United States", "US")]
    [InlineData("United Kingdom", "United Kingdom", "GB")]
    [InlineData("Australia", "Australia", "AU")]
    [InlineData("united states", "United States", "US")]
    [InlineData("UNITED KINGDOM", "United Kingdom", "GB")]
    [InlineData("  new zealand ", "New Zealand", "NZ")]
    [InlineData("Germany", "Germany", "DE")]
    [InlineData("Canada", "Canada", "CA")]
    [InlineData("Korea, Republic of", "Korea, Republic of", "KR")]
    [InlineData("Åland Islands", "Åland Islands", "AX")]
    [InlineData("åland islands", "Åland Islands", "AX")]
    [InlineData("Côte d'Ivoire", "Côte d'Ivoire", "CI")]
    [InlineData("Vietnam", "Vietnam", "VN")]
    public async Task Country_is_a_full_name_matched_ignoring_case_and_country_iso2_is_derived(string sent, string shown, string iso2)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var address = await store.CreateAddressAsync(customerId, new { country = sent });

        address.GetProperty("country").GetString().ShouldBe(shown);
        address.GetProperty("country_iso2").GetString().ShouldBe(iso2);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData("United")]
    public async Task An_unknown_country_is_400_on_create_and_update_and_changes_nothing(string country)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);

        var created = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", AddressCalls.Body(new { country })))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);
        var updated = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", new { country }))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        foreach (var errors in new[] { created, updated })
        {
            errors[0].GetProperty("message").GetString().ShouldBe("The field 'country' is invalid.");
            errors[0].GetProperty("details").GetProperty("invalid_reason").GetString()!.ShouldContain("country");
        }

        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    [Fact]
    public async Task Country_iso2_id_and_customer_id_in_the_body_are_read_only_and_ignored()
    {
        var store = await api.NewStoreAsync();
        var jane = await store.NewCustomerAsync("jane@example.com");
        var john = await store.NewCustomerAsync("john@example.com");

        var created = await store.CreateAddressAsync(jane, new { id = 99, customer_id = john, country_iso2 = "FR", country = "Australia" });
        var updated = await (await store.V2.PutJsonAsync($"customers/{jane}/addresses/1", new { id = 5, customer_id = john, country_iso2 = "FR" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        foreach (var address in new[] { created, updated })
        {
            address.GetProperty("id").GetInt32().ShouldBe(1);
            address.GetProperty("customer_id").GetInt32().ShouldBe(jane);
            address.GetProperty("country").GetString().ShouldBe("Australia");
            address.GetProperty("country_iso2").GetString().ShouldBe("AU");
        }

        (await store.AddressCountAsync(john)).ShouldBe(0);
    }

    [Theory]
    [InlineData("residential")]
    [InlineData("commercial")]
    public async Task Address_type_takes_residential_or_commercial(string type)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        var other = type == "residential" ? "commercial" : "residential";

        (await store.CreateAddressAsync(customerId, new { address_type = type })).GetProperty("address_type").GetString().ShouldBe(type);
        (await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", new { address_type = other })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("address_type").GetString().ShouldBe(other);
    }

    [Theory]
    [InlineData("\"business\"")]
    [InlineData("\"Residential\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    public async Task Any_other_address_type_is_400_and_changes_nothing(string type)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);
        var before = await store.AddressesTextAsync(customerId);

        var errors = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", $$"""{"address_type":{{type}}}"""))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors[0].GetProperty("message").GetString().ShouldBe("The field 'address_type' is invalid.");
        (await store.AddressesTextAsync(customerId)).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_body_field_is_400_naming_it()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var errors = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", AddressCalls.Body(new { postcode = "1" })))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors[0].GetProperty("message").GetString().ShouldBe("The field 'postcode' is not supported by this resource.");
        (await store.AddressCountAsync(customerId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"first_name":5}""", "first_name")]
    [InlineData("""{"zip":78757}""", "zip")]
    public async Task A_field_of_the_wrong_type_is_400_naming_it(string body, string field)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);

        var errors = await (await store.V2.PutJsonAsync($"customers/{customerId}/addresses/1", body)).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors[0].GetProperty("message").GetString().ShouldBe($"The field '{field}' is invalid.");
    }

    [Fact]
    public async Task A_field_longer_than_its_column_is_400()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();

        var errors = await (await store.V2.PostJsonAsync($"customers/{customerId}/addresses", AddressCalls.Body(new { zip = new string('9', 31) })))
            .ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors[0].GetProperty("message").GetString().ShouldBe("The field 'zip' is invalid.");
        (await store.AddressCountAsync(customerId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("addresses?limit=251", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("addresses?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("addresses?page=0", HttpStatusCode.BadRequest)]
    [InlineData("addresses?page=x", HttpStatusCode.BadRequest)]
    [InlineData("addresses?city=Austin", HttpStatusCode.BadRequest)]
    [InlineData("addresses/count?city=Austin", HttpStatusCode.BadRequest)]
    public async Task Bad_or_unknown_query_parameters_are_refused(string url, HttpStatusCode status)
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);

        await (await store.V2.GetAsync($"customers/{customerId}/{url}")).ShouldBeV2ErrorAsync(status);
    }

    [Fact]
    public async Task Delete_all_with_an_unknown_query_parameter_is_400_and_deletes_nothing()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        await store.CreateAddressAsync(customerId);

        var errors = await (await store.V2.DeleteAsync($"customers/{customerId}/addresses?id=1")).ShouldBeV2ErrorAsync(HttpStatusCode.BadRequest);

        errors[0].GetProperty("message").GetString().ShouldBe("The field 'id' is not supported by this resource.");
        (await store.AddressCountAsync(customerId)).ShouldBe(1);
    }
}

public sealed class AddressValidationTests_Sqlite(SqliteApi api) : AddressValidationTests(api), IClassFixture<SqliteApi>;

public sealed class AddressValidationTests_Postgres(PostgresApi api) : AddressValidationTests(api), IClassFixture<PostgresApi>;
