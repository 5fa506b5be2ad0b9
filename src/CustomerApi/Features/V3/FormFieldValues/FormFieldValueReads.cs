using CustomerApi.Data;
using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>
/// Every form field the store defines, with each owner's value or empty, as <c>include=formfields</c> and V2's
/// <c>form_fields</c> list them (observed: empty fields are listed, <c>""</c> or <c>[]</c>). One statement for a whole
/// page of owners, none when the store defines no field for them.
/// </summary>
public static class FormFieldValueReads
{
    public static Task<Func<int, IReadOnlyList<FormFieldValueV3>>> ForCustomersAsync(
        CustomerDbContext db, int storeId, StoreFormFields fields, IReadOnlyCollection<int> customerIds, CancellationToken ct) =>
        ForOwnersAsync(db, storeId, fields, FormFieldOwners.Customer, customerIds, ct);

    public static Task<Func<int, IReadOnlyList<FormFieldValueV3>>> ForAddressesAsync(
        CustomerDbContext db, int storeId, StoreFormFields fields, IReadOnlyCollection<int> addressIds, CancellationToken ct) =>
        ForOwnersAsync(db, storeId, fields, FormFieldOwners.Address, addressIds, ct);

    private static async Task<Func<int, IReadOnlyList<FormFieldValueV3>>> ForOwnersAsync(
        CustomerDbContext db, int storeId, StoreFormFields fields, string owner, IReadOnlyCollection<int> ownerIds, CancellationToken ct)
    {
        var defined = fields.Of(owner);
        if (defined.Count == 0 || ownerIds.Count == 0)
        {
            return _ => [];
        }

        var ids = ownerIds.Cast<int?>().ToArray();
        var forCustomers = owner == FormFieldOwners.Customer;
        var inStore = db.FormFieldValues.AsNoTracking().Where(v => v.StoreId == storeId);
        var values = await (forCustomers ? inStore.Where(v => ids.Contains(v.CustomerId)) : inStore.Where(v => ids.Contains(v.AddressId)))
            .Select(v => new { v.CustomerId, v.AddressId, v.FieldId, v.Value }).ToListAsync(ct);
        var byOwner = values.ToLookup(v => (forCustomers ? v.CustomerId : v.AddressId)!.Value);
        return id =>
        {
            var stored = byOwner[id].ToDictionary(v => v.FieldId, v => v.Value);
            return [.. defined.Select(field => new FormFieldValueV3(forCustomers ? id : null, forCustomers ? null : id, field.Name,
                FormFieldRules.Answer(field.Type, stored.GetValueOrDefault(field.Id))))];
        };
    }
}
