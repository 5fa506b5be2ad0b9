using System.Net;
using System.Text.Json;
using CustomerApi.Tests.Infrastructure;
using CustomerApi.Tests.V2.CustomerGroups;
using static CustomerApi.Tests.V3.Customers.CustomerWriteCalls;

namespace CustomerApi.Tests.V3;

/// <summary>POST and PUT <c>/customers</c> answers held against customer_Full, the item of their CustomerCollectionResponse.</summary>
public abstract partial class V3SpecConformanceTests
{
    [Fact]
    public async Task Customers_created_and_updated_carry_only_fields_of_customer_Full_each_of_its_declared_type()
    {
        var store = await api.NewStoreAsync();
        await store.CreateGroupAsync("Wholesale");
        await store.CreateAttributesAsync(("Age", "number"));
        var expected = ResponseItem("CustomerCollectionResponse");
        expected.Keys.Order().ShouldBe(Spec.Properties("customer_Full").Keys.Order());
        // Written with $ref to array schemas, which Properties reads as arrays; their items are checked below.
        expected["store_credit_amounts"].Type.ShouldBe("array");
        expected["channel_ids"].Type.ShouldBe("array");
        var credit = Spec.PropertiesAt("components", "schemas", "CustomerStoredCreditAmounts", "items");
        credit.Keys.ShouldBe(["amount"]);
        var authentication = Spec.PropertiesAt("components", "schemas", "customer_Full", "properties", "authentication");
        authentication.Keys.ShouldBe(["force_password_reset"]);
        var address = Spec.Properties("address_Full");

        var created = await (await store.PostCustomersAsync(
            Customer("jane@example.com", new
            {
                company = "Acme", phone = "555", notes = "n", tax_exempt_category = "T", customer_group_id = 1,
                addresses = new[] { Address("Austin", "US", new { state_or_province = "Texas", postal_code = "78701" }) },
                attributes = new[] { new { attribute_id = 1, attribute_value = "42" } },
                authentication = new { new_password = Passwords.Good, force_password_reset = true },
                accepts_product_review_abandoned_cart_emails = true, store_credit_amounts = new[] { new { amount = 43.15m } },
                origin_channel_id = 1, channel_ids = new List<int> { 1 },
            }),
            Customer("john@example.com"))).ShouldBeAsync(HttpStatusCode.OK);
        var updated = await (await store.PutCustomersAsync(
            new { id = 1, channel_ids = (int[]?)null, notes = "m" }, new { id = 2, channel_ids = new List<int> { 2 }, store_credit_amounts = new[] { new { amount = 1 } } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        var items = created.Data().Concat(updated.Data()).ToArray();
        items.Length.ShouldBe(4);
        items.Select(i => i.GetProperty("channel_ids").ValueKind).ShouldBe([JsonValueKind.Array, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Array]);
        foreach (var item in items)
        {
            var names = item.EnumerateObject().Select(p => p.Name).ToList();
            names.ShouldBeSubsetOf(expected.Keys, $"undeclared field in {item}");
            foreach (var name in names.Except(["store_credit_amounts", "channel_ids", "addresses", "authentication"]))
            {
                var (type, nullable) = expected[name];
                BigCommerceSpec.ShouldHaveType(item.GetProperty(name), type, nullable, name);
            }

            ShouldMatch(item.GetProperty("authentication"), authentication);
            var amounts = item.GetProperty("store_credit_amounts");
            amounts.ValueKind.ShouldBe(JsonValueKind.Array);
            ShouldMatch(amounts.EnumerateArray().ShouldHaveSingleItem(), credit);
            // customerChannelIds is an array of ids; a global customer's is null, as BigCommerce answers it (V3 doc 1.1).
            var channels = item.GetProperty("channel_ids");
            if (channels.ValueKind != JsonValueKind.Null)
            {
                channels.EnumerateArray().ShouldAllBe(c => c.ValueKind == JsonValueKind.Number);
            }

            item.Instant("date_created");
            item.Instant("date_modified");
        }

        var sent = items[0].GetProperty("addresses").EnumerateArray().ShouldHaveSingleItem();
        ShouldMatch(sent, address, optional: ["form_fields"]);
        items.Skip(1).Select(i => i.TryGetProperty("addresses", out _)).ShouldAllBe(sentAddresses => !sentAddresses);
    }
}
