using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>
/// Every form field the store defines, with each owner's value or empty, as <c>include=formfields</c> and V2's
/// <c>form_fields</c> list them (observed: empty fields are listed, <c>""</c> or <c>[]</c>). One statement for a whole
/// page of owners, none when the store defines no field for them.
/// </summary>
public static class FormFieldValueReads
{
    public static async Task<Func<int, IReadOnlyList<FormFieldValueV3>>> ForCustomersAsync(
        CustomerDbContext db, int storeId, StoreFormFields fields, IReadOnlyCollection<int> customerIds, CancellationToken ct)
    {
        if (fields.Customer.Count == 0 || customerIds.Count == 0)
        {
            return _ => [];
        }

        var ids = customerIds.Cast<int?>().ToArray();
        var values = await db.FormFieldValues.AsNoTracking().Where(v => v.StoreId == storeId && ids.Contains(v.CustomerId))
            .Select(v => new { Owner = v.CustomerId!.Value, v.FieldId, v.Value }).ToListAsync(ct);
        var byOwner = values.ToLookup(v => v.Owner, v => (v.FieldId, v.Value));
        return id => List(fields.Customer, byOwner[id], field => new FormFieldValueV3(id, null, field.Name, default));
    }

    public static async Task<Func<int, IReadOnlyList<FormFieldValueV3>>> ForAddressesAsync(
        CustomerDbContext db, int storeId, StoreFormFields fields, IReadOnlyCollection<int> addressIds, CancellationToken ct)
    {
        if (fields.Address.Count == 0 || addressIds.Count == 0)
        {
            return _ => [];
        }

        var ids = addressIds.Cast<int?>().ToArray();
        var values = await db.FormFieldValues.AsNoTracking().Where(v => v.StoreId == storeId && ids.Contains(v.AddressId))
            .Select(v => new { Owner = v.AddressId!.Value, v.FieldId, v.Value }).ToListAsync(ct);
        var byOwner = values.ToLookup(v => v.Owner, v => (v.FieldId, v.Value));
        return id => List(fields.Address, byOwner[id], field => new FormFieldValueV3(null, id, field.Name, default));
    }

    private static List<FormFieldValueV3> List(
        IReadOnlyList<FormFieldDefinition> fields, IEnumerable<(int FieldId, string Value)> stored, Func<FormFieldDefinition, FormFieldValueV3> empty)
    {
        var byField = stored.ToDictionary(v => v.FieldId, v => v.Value);
        return fields.Select(field => empty(field) with { Value = FormFieldRules.Answer(field.Type, byField.GetValueOrDefault(field.Id)) }).ToList();
    }
}
