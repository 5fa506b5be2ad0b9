using System.Net;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.Addresses;

namespace CustomerApi.Tests.V3;

/// <summary><c>/customers/addresses</c> answers held against address_Full, the item of AddressCollectionResponse(PostPut).</summary>
public abstract partial class V3SpecConformanceTests
{
    [Fact]
    public async Task Addresses_listed_created_and_updated_carry_exactly_the_fields_of_address_Full_and_lists_only_pagination()
    {
        var store = await api.NewStoreAsync();
        await store.NewCustomerAsync("one@example.com");
        await store.CreateAddressAsync(1);
        var expected = Spec.Properties("address_Full");
        ResponseItem("AddressCollectionResponse").Keys.Order().ShouldBe(expected.Keys.Order());

        var created = await (await store.V3.PostJsonAsync("customers/addresses", new[]
        {
            new
            {
                customer_id = 1, first_name = "Ann", last_name = "Lee", address1 = "1 Main St", city = "Austin", state_or_province = "Texas",
                postal_code = "78701", country_code = "US",
            },
        })).ShouldBeAsync(HttpStatusCode.OK);
        var updated = await (await store.V3.PutJsonAsync("customers/addresses", new[] { new { id = 1, city = "Dallas" } })).ShouldBeAsync(HttpStatusCode.OK);
        var listed = await (await store.V3.GetAsync("customers/addresses?include=formfields")).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var (body, count) in new[] { (created, 1), (updated, 1), (listed, 2) })
        {
            body.Data().Length.ShouldBe(count);
            foreach (var item in body.Data())
            {
                ShouldMatch(item, expected, optional: ["form_fields"]);
            }
        }

        listed.GetProperty("meta").EnumerateObject().Select(p => p.Name).ShouldBe(["pagination"]);
        created.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
    }
}
