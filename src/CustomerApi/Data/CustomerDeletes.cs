using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>Deletes customers, V2's and V3's alike.</summary>
public static class CustomerDeletes
{
    /// <summary>
    /// Deletes the customers under the store's lock, so a group move or a create into a group that checked the store
    /// first sees them either there or gone. The database takes their addresses and attribute values with them
    /// (foreign keys) and them off the store's count (CustomerCountShard).
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static async Task<int> DeleteAsync(CustomerDbContext db, int storeId, IQueryable<Customer> customers, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreLock.AcquireAsync(db, storeId, ct);
        var deleted = await customers.ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }
}
