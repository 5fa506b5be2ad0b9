using System.Net;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V2.Addresses;

/// <summary>Addresses held against BigCommerce's own customers.v2.yml: every declared field and path.</summary>
public abstract class AddressSpecTests(ApiFixture api)
{
    private static BigCommerceSpec Spec => BigCommerceSpec.V2;

    [Fact]
    public async Task An_address_has_exactly_the_fields_of_customerAddress_Full_with_their_declared_types()
    {
        var store = await api.NewStoreAsync();
        var customerId = await store.NewCustomerAsync();
        var created = await store.CreateAddressAsync(customerId, new { company = "Acme", street_2 = "2" });
        var expected = Spec.Properties("customerAddress_Full");

        var one = await (await store.V2.GetAsync($"customers/{customerId}/addresses/1")).ShouldBeAsync(HttpStatusCode.OK);
        var listed = (await (await store.V2.GetAsync($"customers/{customerId}/addresses")).ShouldBeAsync(HttpStatusCode.OK))[0];
        var count = await (await store.V2.GetAsync($"customers/{customerId}/addresses/count")).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var address in new[] { created, one, listed })
        {
            address.EnumerateObject().Select(p => p.Name).Order().ShouldBe(expected.Keys.Order());
            foreach (var (name, (type, nullable)) in expected)
            {
                BigCommerceSpec.ShouldHaveType(address.GetProperty(name), type, nullable, name);
            }
        }

        count.EnumerateObject().Select(p => p.Name).Order().ShouldBe(Spec.Properties("count_Full").Keys.Order());
    }

    [Fact]
    public async Task Every_addresses_path_and_method_of_the_spec_is_served()
    {
        var checkedPaths = await Spec.ShouldServeEveryMethodAsync(await api.AnonymousClientAsync(), "/stores/{store_hash}/v2",
            p => p.StartsWith("/customers/{customer_id}/addresses", StringComparison.Ordinal));
        checkedPaths.ShouldBe(3);
    }
}

public sealed class AddressSpecTests_Sqlite(SqliteApi api) : AddressSpecTests(api), IClassFixture<SqliteApi>;

public sealed class AddressSpecTests_Postgres(PostgresApi api) : AddressSpecTests(api), IClassFixture<PostgresApi>;
