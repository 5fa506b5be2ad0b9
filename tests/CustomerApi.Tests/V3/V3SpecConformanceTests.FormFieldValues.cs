using System.Net;
using System.Text.Json;
using CustomerApi.Bootstrap;
using CustomerApi.Tests.Infrastructure;

namespace CustomerApi.Tests.V3;

/// <summary>
/// Form field values held against the spec wherever they are answered: <c>/customers/form-field-values</c> (items of
/// formFieldValue_Customer or formFieldValue_Address, meta of _metaCollectionWithCursorPagination), and
/// <c>include=formfields</c> on customers (formFieldValue_Customer) and addresses (formFieldValue_Address).
/// </summary>
public abstract partial class V3SpecConformanceTests
{
    private static readonly FormFieldSeed[] SpecFormFields =
    [
        new() { Name = "Sales Rep" },
        new() { Name = "Employees", Type = "numbers" },
        new() { Name = "Interests", Type = "checkboxes", Options = ["Books", "Film"] },
        new() { Name = "Special Delivery Instructions", Type = "multiline", For = "address" },
    ];

    private static readonly string[] Film = ["Film"];

    [Fact]
    public async Task Form_field_values_listed_upserted_and_included_have_exactly_the_fields_of_their_owners_formFieldValue()
    {
        var customerValue = Spec.Properties("formFieldValue_Customer");
        var addressValue = Spec.Properties("formFieldValue_Address");
        customerValue.Keys.Order().ShouldBe(["customer_id", "name", "value"]);
        addressValue.Keys.Order().ShouldBe(["address_id", "name", "value"]);
        var store = await api.NewStoreWithFormFieldsAsync(SpecFormFields);
        await store.CreateCustomerAsync("ann@example.com");
        (await store.V3.PostJsonAsync("customers/addresses", new[]
        {
            new
            {
                customer_id = 1, first_name = "Ann", last_name = "Lee", address1 = "1 Main St", city = "Austin", state_or_province = "Texas",
                postal_code = "78701", country_code = "US",
            },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var upserted = await (await store.V3.PutJsonAsync("customers/form-field-values", new object[]
        {
            new { customer_id = 1, name = "Sales Rep", value = "James Bond" },
            new { customer_id = 1, name = "Employees", value = 12 },
            new { customer_id = 1, name = "Interests", value = Film },
            new { address_id = 1, name = "Special Delivery Instructions", value = "Leave the package at the front door" },
        })).ShouldBeAsync(HttpStatusCode.OK);
        var listed = await (await store.V3.GetAsync("customers/form-field-values")).ShouldBeAsync(HttpStatusCode.OK);
        var customer = (await (await store.V3.GetAsync("customers?include=formfields,addresses")).ShouldBeAsync(HttpStatusCode.OK)).Data().Single();
        var addresses = (await (await store.V3.GetAsync("customers/addresses?include=formfields")).ShouldBeAsync(HttpStatusCode.OK)).Data();

        upserted.GetProperty("meta").EnumerateObject().ShouldBeEmpty();
        foreach (var (values, count) in new[] { (upserted.Data(), 4), (listed.Data(), 4), ([.. customer.GetProperty("form_fields").EnumerateArray()], 3),
            ([.. addresses.Single().GetProperty("form_fields").EnumerateArray()], 1) })
        {
            values.Length.ShouldBe(count);
            foreach (var value in values)
            {
                var expected = value.TryGetProperty("customer_id", out _) ? customerValue : addressValue;
                value.EnumerateObject().Select(p => p.Name).Order().ShouldBe(expected.Keys.Order(), $"{value}");
                BigCommerceSpec.ShouldHaveType(value.GetProperty("name"), "string", nullable: false, "name");
                // value: oneOf string, number (double), array of strings (spec: formFieldValue).
                var kind = value.GetProperty("value");
                (kind.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    || kind.ValueKind == JsonValueKind.Array && kind.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                    .ShouldBeTrue($"{value}");
            }
        }

        // address_Full, the shape of a customer's addresses, declares its form_fields as the generic formFieldValue (name, value),
        // which allows more keys: they carry the address_id that formFieldValue_Address, the address list's, requires.
        customer.GetProperty("addresses").EnumerateArray().Single().GetProperty("form_fields").GetRawText()
            .ShouldBe(addresses.Single().GetProperty("form_fields").GetRawText());
    }

    [Fact]
    public async Task The_form_field_value_list_meta_is_metaCollectionWithCursorPagination_in_each_of_its_three_forms()
    {
        var meta = Spec.Properties("_metaCollectionWithCursorPagination");
        var cursorPagination = Spec.Properties("CursorPagination");
        var store = await api.NewStoreWithFormFieldsAsync(SpecFormFields);
        for (var i = 1; i <= 3; i++)
        {
            await store.CreateCustomerAsync($"c{i}@example.com");
        }

        (await store.V3.PutJsonAsync("customers/form-field-values",
            Enumerable.Range(1, 3).Select(id => new { customer_id = id, name = "Sales Rep", value = $"Rep {id}" }).ToArray())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = await (await store.V3.GetAsync("customers/form-field-values?limit=2")).ShouldBeAsync(HttpStatusCode.OK);
        var end = first.GetProperty("meta").GetProperty("cursor_pagination").GetProperty("end_cursor").GetString()!;

        foreach (var (query, keys) in new (string, string[])[]
        {
            ("limit=2", ["pagination", "cursor_pagination"]),
            ("limit=2&page=2", ["pagination"]),
            ($"limit=2&after={Uri.EscapeDataString(end)}", ["cursor_pagination"]),
        })
        {
            var body = await (await store.V3.GetAsync($"customers/form-field-values?{query}")).ShouldBeAsync(HttpStatusCode.OK);
            var found = body.GetProperty("meta");
            found.EnumerateObject().Select(p => p.Name).ShouldBe(keys, query);
            ShouldMatch(found, meta, optional: [.. meta.Keys.Except(keys)]);
            if (found.TryGetProperty("cursor_pagination", out var cursor))
            {
                ShouldMatch(cursor, cursorPagination);
            }
        }
    }
}
