using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.Admin;

/// <summary>The one way an admin route finds the store its <c>{hash}</c> names.</summary>
public static class AdminStoreIds
{
    /// <returns>The store's id, or null when no store has that hash.</returns>
    public static Task<int?> ByHashAsync(CustomerDbContext db, string hash, CancellationToken ct) =>
        db.Stores.AsNoTracking().Where(s => s.Hash == hash).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
}
