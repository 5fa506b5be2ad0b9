using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Data;

/// <summary>
/// EF Core's migration lock on SQLite is a row in <c>__EFMigrationsLock</c> that only the process holding it deletes:
/// a process killed while migrating leaves it behind, and every later start would wait for it forever. Migrating this
/// schema takes well under a second, so a lock older than <see cref="StaleAfter"/> was left by a dead process and is
/// removed; a younger one may be another process migrating the same file, and is waited for until it goes or goes stale.
/// </summary>
public static class SqliteMigrationLock
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    public static async Task ReleaseIfStaleAsync(CustomerDbContext db, TimeProvider clock, CancellationToken ct)
    {
        while (await TakenAtAsync(db, ct) is { } takenAt)
        {
            if (clock.GetUtcNow() - takenAt > StaleAfter)
            {
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock";""", ct);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    /// <returns>When the lock was taken, or null when nobody holds it.</returns>
    private static async Task<DateTimeOffset?> TakenAtAsync(CustomerDbContext db, CancellationToken ct)
    {
        var tables = await db.Database.SqlQueryRaw<int>(
            """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'""").ToListAsync(ct);
        if (tables.Single() == 0)
        {
            return null;
        }

        var stamps = await db.Database.SqlQueryRaw<string>("""SELECT "Timestamp" AS "Value" FROM "__EFMigrationsLock" """).ToListAsync(ct);
        return stamps.Count == 0 ? null
            : DateTimeOffset.TryParse(stamps[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var takenAt) ? takenAt
            : DateTimeOffset.MinValue; // unreadable: nothing a live migration would write
    }
}
