using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>
/// A store's write lock: its row in <c>stores</c>, held until the transaction that took it ends. Every write that checks
/// something across the store's rows before writing (an email or name not yet taken, the attribute limit, that a group,
/// customer or attribute still exists, one value per customer and attribute) or that changes the store's counters takes
/// it first, so the check and the write it guards see a store no other request changes in between; and so do the deletes
/// of what those checks look at. Reads never take it. Taking ids (<see cref="StoreSequences.TakeAsync"/>) takes it too.
/// </summary>
public static class StoreLock
{
    public static Task AcquireAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The store's lock is held until a transaction ends; begin one first.");
        }

        // PostgreSQL locks the row without writing it; SQLite has no row locks, and its first write takes the file's.
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT 1 FROM stores WHERE id = {storeId} FOR NO KEY UPDATE", ct)
            : db.Database.ExecuteSqlAsync($"UPDATE stores SET id = id WHERE id = {storeId}", ct);
    }
}
