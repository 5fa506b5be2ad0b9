using CustomerApi.Data;
using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.FormFieldValues;

/// <summary>The values one customer or one address is to have set (or cleared): exactly one of the two ids.</summary>
public sealed record OwnedValues(int? CustomerId, int? AddressId, IReadOnlyList<PendingValue> Values);

/// <summary>
/// Sets form field values, as part of the caller's transaction and under the store's lock (StoreLock), which the caller
/// took before reading anything: so no two writes can both find a value missing and both add it.
/// </summary>
public static class FormFieldValueWrites
{
    /// <summary>Adds, changes or (for a null JSON) removes each value; nothing is saved here.</summary>
    public static async Task ApplyAsync(CustomerDbContext db, int storeId, IReadOnlyList<OwnedValues> owners, CancellationToken ct)
    {
        var written = owners.Where(o => o.Values.Count > 0).ToList();
        if (written.Count == 0)
        {
            return;
        }

        var customerIds = written.Where(o => o.CustomerId is not null).Select(o => o.CustomerId).Distinct().ToList();
        var addressIds = written.Where(o => o.AddressId is not null).Select(o => o.AddressId).Distinct().ToList();
        var existing = await db.FormFieldValues
            .Where(v => v.StoreId == storeId && (customerIds.Contains(v.CustomerId) || addressIds.Contains(v.AddressId)))
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(v => (v.CustomerId, v.AddressId, v.FieldId));

        var added = new List<FormFieldValue>();
        foreach (var owner in written)
        {
            foreach (var value in owner.Values)
            {
                var key = (owner.CustomerId, owner.AddressId, value.Field.Id);
                if (byKey.TryGetValue(key, out var row))
                {
                    if (value.Json is null)
                    {
                        db.FormFieldValues.Remove(row);
                        byKey.Remove(key);
                    }
                    else
                    {
                        row.Value = value.Json;
                    }
                }
                else if (value.Json is not null)
                {
                    var newRow = new FormFieldValue
                    {
                        StoreId = storeId, FieldId = value.Field.Id, CustomerId = owner.CustomerId, AddressId = owner.AddressId, Value = value.Json,
                    };
                    byKey[key] = newRow;
                    added.Add(newRow);
                }
            }
        }

        if (added.Count > 0)
        {
            var nextId = await StoreSequences.TakeAsync(db, storeId, StoreSequence.FormFieldValues, ct, added.Count);
            added.ForEach(v => v.Id = nextId++);
            db.FormFieldValues.AddRange(added);
        }
    }
}
