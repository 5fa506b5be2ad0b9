using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>Customer ids are per store: 1, 2, 3, ... in creation order, never reused (a deleted id stays spent).</summary>
public static class CustomerIds
{
    /// <summary>
    /// Takes <paramref name="count"/> ids and returns the first. Call inside the transaction that inserts them: the
    /// update locks the store row until commit, and a rollback gives the ids back, so no id is ever seen twice.
    /// </summary>
    public static async Task<int> TakeAsync(CustomerDbContext db, int storeId, CancellationToken ct, int count = 1)
    {
        var last = await db.Database
            .SqlQuery<int>($"UPDATE stores SET last_customer_id = last_customer_id + {count} WHERE id = {storeId} RETURNING last_customer_id AS \"Value\"")
            .ToListAsync(ct);
        return last.Single() - count + 1;
    }
}
