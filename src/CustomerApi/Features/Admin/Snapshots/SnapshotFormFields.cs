using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Features.V3.FormFieldValues;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Services;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// A snapshot names form fields; which fields there are is the restoring store's configuration. Each value is checked
/// against the store's field of that name by the rules every write of a value follows (FormFieldRules), and kept as
/// those writes keep it.
/// </summary>
internal static class SnapshotFormFields
{
    public static async Task<(List<FormFieldValue> Rows, List<Failure> Failures)> ResolveAsync(
        CustomerDbContext db, int storeId, List<SnapshotFormFieldValue?>? values, PasswordService passwords, CancellationToken ct)
    {
        var rows = new List<FormFieldValue>();
        var failures = new List<Failure>();
        if (values is not { Count: > 0 })
        {
            return (rows, failures);
        }

        var fields = new StoreFormFields(await db.FormFields.AsNoTracking().Where(f => f.StoreId == storeId)
            .Select(f => new FormFieldDefinition(f.Id, f.Name, f.Type, f.For, f.Required, f.Options)).ToListAsync(ct));
        for (var i = 0; i < values.Count && failures.Count < SnapshotChecks.MaxFailures; i++)
        {
            var value = values[i]!; // the checks refused a null row, a missing name or value
            var owner = value.CustomerId is null ? FormFieldOwners.Address : FormFieldOwners.Customer;
            if (fields.Find(owner, value.FieldName!) is not { } field)
            {
                failures.Add(Failure.Invalid($"form_field_values.{i}.field_name", $"this store defines no {owner} form field named '{value.FieldName}'"));
            }
            else if (field.Type == FormFieldTypes.Password)
            {
                failures.Add(Failure.Invalid($"form_field_values.{i}.field_name",
                    $"'{field.Name}' is a password field; its values are hashes, which a snapshot never holds"));
            }
            else if (FormFieldRules.Check(field, value.Value!.Value, passwords, out var json) is { } reason)
            {
                failures.Add(Failure.Invalid($"form_field_values.{i}.value", reason));
            }
            else if (json is null)
            {
                failures.Add(Failure.Invalid($"form_field_values.{i}.value", "a stored value is never empty; leave the row out for no value"));
            }
            else
            {
                rows.Add(new FormFieldValue { StoreId = storeId, Id = value.Id, FieldId = field.Id, CustomerId = value.CustomerId, AddressId = value.AddressId, Value = json });
            }
        }

        return (rows, failures);
    }
}
