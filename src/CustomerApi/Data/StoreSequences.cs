using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>The per-store counters behind ids: each store's customers, attributes, attribute values, addresses, groups, form field values and metafields start at 1.</summary>
public enum StoreSequence { Attributes, AttributeValues, Addresses, CustomerGroups, FormFieldValues, Metafields }

/// <summary>Ids are per store: 1, 2, 3, ... in creation order, never reused (a deleted id stays spent).</summary>
public static class StoreSequences
{
    /// <summary>
    /// Takes <paramref name="count"/> ids and returns the first. Call inside the transaction that inserts them: the
    /// update takes the store's lock (<see cref="StoreLock"/>) until commit, and a rollback gives the ids back, so no id
    /// is ever seen twice. Customer ids are taken otherwise: <see cref="CustomerInserts"/>.
    /// </summary>
    public static async Task<int> TakeAsync(CustomerDbContext db, int storeId, StoreSequence sequence, CancellationToken ct, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await (sequence switch
        {
            StoreSequence.Attributes => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_attribute_id = last_attribute_id + {count} WHERE id = {storeId} RETURNING last_attribute_id AS \"Value\""),
            StoreSequence.Addresses => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_address_id = last_address_id + {count} WHERE id = {storeId} RETURNING last_address_id AS \"Value\""),
            StoreSequence.CustomerGroups => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_customer_group_id = last_customer_group_id + {count} WHERE id = {storeId} RETURNING last_customer_group_id AS \"Value\""),
            StoreSequence.FormFieldValues => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_form_field_value_id = last_form_field_value_id + {count} WHERE id = {storeId} RETURNING last_form_field_value_id AS \"Value\""),
            StoreSequence.Metafields => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_metafield_id = last_metafield_id + {count} WHERE id = {storeId} RETURNING last_metafield_id AS \"Value\""),
            _ => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_attribute_value_id = last_attribute_value_id + {count} WHERE id = {storeId} RETURNING last_attribute_value_id AS \"Value\""),
        }).ToListAsync(ct);
        return last.Single() - count + 1;
    }
}
