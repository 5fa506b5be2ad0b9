using System.Text.Json;
using CustomerApi.Data;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Auth;

namespace CustomerApi.Features.V2.Customers;

/// <summary>
/// V2's <c>form_fields</c>: null while the store defines no customer form field (behaviour doc 3.1), else every one
/// of them with the customer's value, the same values V3's <c>include=formfields</c> shows. V2's value is text (spec),
/// so a number is written as its digits and a checkbox list as its options joined by commas [inferred].
/// </summary>
public static class CustomerFormFieldsV2
{
    /// <summary>Fills the customers' form fields, with one statement for all of them; none when the store defines no field.</summary>
    public static async Task FillAsync(IReadOnlyList<CustomerV2> customers, StoreContext store, IServiceProvider requestServices, CancellationToken ct)
    {
        if (store.FormFields.Customer.Count == 0)
        {
            return;
        }

        var db = requestServices.GetRequiredService<CustomerDbContext>();
        var fields = await FormFieldValueReads.ForCustomersAsync(db, store.Id, store.FormFields, [.. customers.Select(c => c.Id)], ct);
        foreach (var customer in customers)
        {
            customer.FormFields = [.. fields(customer.Id).Select(f => new FormFieldV2(f.Name, Text(f.Value)))];
        }
    }

    /// <summary>
    /// A page with its form fields: read whole first when the store defines any (at most a page, 250 customers), else
    /// passed on as it streams.
    /// </summary>
    public static async Task<IAsyncEnumerable<CustomerV2>> WithFormFieldsAsync(
        IAsyncEnumerable<CustomerV2> page, StoreContext store, IServiceProvider requestServices, CancellationToken ct)
    {
        if (store.FormFields.Customer.Count == 0)
        {
            return page;
        }

        var customers = await page.ToListAsync(ct);
        await FillAsync(customers, store, requestServices, ct);
        return customers.ToAsyncEnumerable();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(v => v.GetString())),
        _ => value.GetRawText(),
    };
}
