using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>The per-store counters behind ids: each store's customers, attributes, attribute values, addresses and groups start at 1.</summary>
public enum StoreSequence { Attributes, AttributeValues, Addresses, CustomerGroups }

/// <summary>Ids are per store: 1, 2, 3, ... in creation order, never reused (a deleted id stays spent).</summary>
public static class StoreSequences
{
    /// <summary>
    /// Takes <paramref name="count"/> ids and returns the first. Call inside the transaction that inserts them: the
    /// update takes the store's lock (<see cref="StoreLock"/>) until commit, and a rollback gives the ids back, so no id
    /// is ever seen twice. Customer ids are taken otherwise: <see cref="TakeCustomerIdAsync"/>.
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
            _ => db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_attribute_value_id = last_attribute_value_id + {count} WHERE id = {storeId} RETURNING last_attribute_value_id AS \"Value\""),
        }).ToListAsync(ct);
        return last.Single() - count + 1;
    }

    /// <summary>
    /// Takes one customer id, in a statement of its own outside any transaction: it holds the store's row for that
    /// statement alone, so concurrent creates do not queue behind one another's inserts and commits. An id whose
    /// customer is then refused (a taken email) or never written (the request ended) is a gap, as an auto-increment
    /// column leaves one; no id is ever handed out twice. On PostgreSQL the statement commits without waiting for its
    /// WAL flush (like nextval): any insert that uses the id commits, and so flushes, after it.
    /// </summary>
    public static async Task<int> TakeCustomerIdAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A customer id is taken outside the transaction that inserts it.");
        }

        var taken = await (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_customer_id = last_customer_id + 1 WHERE id = {storeId} AND set_config('synchronous_commit', 'off', true) IS NOT NULL RETURNING last_customer_id AS \"Value\"")
            : db.Database.SqlQuery<int>(
                $"UPDATE stores SET last_customer_id = last_customer_id + 1 WHERE id = {storeId} RETURNING last_customer_id AS \"Value\"")).ToListAsync(ct);
        return taken.Single();
    }
}
