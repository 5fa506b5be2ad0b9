using System.Globalization;
using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// Removes all of a store's data (customers and everything of theirs, groups, attributes) and starts its ids again at
/// 1; keeps the store, its tokens, its settings and its form field definitions. The reset is this alone; a snapshot
/// restore is this and then the document's rows, in the same transaction.
/// </summary>
/// <remarks>
/// Concurrency. Every write that adds rows to the store holds its row lock by then (StoreLock, the id counters), except
/// PostgreSQL's customer creates, which take an email's advisory lock and then <see cref="StoreWipeLock"/> shared. A wipe
/// takes the store's row (the counters' UPDATE) and then StoreWipeLock exclusively: the order every writer keeps, so none
/// waits on another in a circle. Once it holds both, no insert is in flight and none starts until the commit; those that
/// waited then run against the wiped (or restored) store and take their ids from the new counters: after a reset, from 1.
/// A create racing a reset so lands wholly before it (and is wiped) or wholly after it; it never fails for it and no id
/// is handed out twice. A change or delete of an existing row meets the wipe's delete of that row: before it, it is
/// wiped; after it, it finds nothing, as for any row deleted meanwhile.
/// The customer id sequence is restarted with <c>ALTER SEQUENCE ... RESTART</c>, not <c>setval</c>. setval takes effect
/// at once for every session and is never rolled back, so a restore that failed would leave the sequence moved. RESTART
/// is transactional and blocks other sessions' <c>nextval</c> until the commit (PostgreSQL's ALTER SEQUENCE reference;
/// checked on 15), so it takes effect exactly when the wipe does, and on its own already keeps a racing create from
/// drawing an old id that the delete then misses. The count shards are emptied after the customers, whose delete
/// adds to them.
/// </remarks>
public static class StoreWipe
{
    /// <summary>Wipes the store inside the caller's transaction.</summary>
    /// <returns>False, with nothing done, when the store does not exist (any more).</returns>
    public static async Task<bool> WipeAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A wipe is all or nothing; begin a transaction first.");
        }

        if (await SetCountersAsync(db, storeId, StoreCounters.None, ct) == 0)
        {
            return false;
        }

        await StoreWipeLock.AcquireExclusiveAsync(db, storeId, ct);
        await RestartCustomerIdsAsync(db, storeId, 1, ct);

        // Children first, so the foreign keys' cascades find nothing left to do row by row.
        await db.FormFieldValues.Where(v => v.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerMetafields.Where(m => m.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerConsents.Where(c => c.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerAttributeValues.Where(v => v.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerAddresses.Where(a => a.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.Customers.Where(c => c.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerAttributes.Where(a => a.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerGroups.Where(g => g.StoreId == storeId).ExecuteDeleteAsync(ct);
        await db.CustomerCountShards.Where(s => s.StoreId == storeId).ExecuteDeleteAsync(ct);

        // A channel's override naming a group goes with the group, as when the group is deleted through the API.
        await db.ChannelSettings.Where(c => c.StoreId == storeId && (c.GuestCustomerGroupId != null || c.DefaultCustomerGroupId != null))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.GuestCustomerGroupId, (int?)null).SetProperty(c => c.DefaultCustomerGroupId, (int?)null), ct);
        return true;
    }

    /// <summary>Sets the store's id counters (and on PostgreSQL its customer id sequence) so the next ids follow them.</summary>
    /// <returns>The stores updated: 0 when the store does not exist.</returns>
    public static async Task<int> SetCountersAsync(CustomerDbContext db, int storeId, StoreCounters counters, CancellationToken ct)
    {
        var updated = await db.Stores.Where(s => s.Id == storeId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastCustomerId, counters.LastCustomerId)
            .SetProperty(x => x.LastAddressId, counters.LastAddressId)
            .SetProperty(x => x.LastCustomerGroupId, counters.LastCustomerGroupId)
            .SetProperty(x => x.LastAttributeId, counters.LastAttributeId)
            .SetProperty(x => x.LastAttributeValueId, counters.LastAttributeValueId)
            .SetProperty(x => x.LastFormFieldValueId, counters.LastFormFieldValueId)
            .SetProperty(x => x.LastMetafieldId, counters.LastMetafieldId), ct);
        return updated;
    }

    /// <summary>On PostgreSQL, makes <paramref name="next"/> the store's next customer id (SQLite numbers from stores.last_customer_id).</summary>
    public static Task RestartCustomerIdsAsync(CustomerDbContext db, int storeId, int next, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return Task.CompletedTask;
        }

        // DDL takes no parameters; both numbers are ints, so the text cannot be anything but this statement.
        var sql = string.Create(CultureInfo.InvariantCulture, $"ALTER SEQUENCE customer_ids_{storeId} RESTART WITH {next}");
        return db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>The store's last customer id handed out: PostgreSQL's sequence, or SQLite's counter.</summary>
    public static async Task<int> LastCustomerIdAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.Stores.Where(s => s.Id == storeId).Select(s => s.LastCustomerId).SingleAsync(ct);
        }

        // A restarted sequence has not been called: its last_value is the next id, not the last one.
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::integer AS \"Value\" FROM customer_ids_{storeId}");
        return (await db.Database.SqlQueryRaw<int>(sql).ToListAsync(ct)).Single();
    }
}
