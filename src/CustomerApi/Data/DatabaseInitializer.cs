using CustomerApi.Bootstrap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace CustomerApi.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, then creates the configured stores (or the demo store when none is configured).</summary>
    /// <returns>Whether the demo store was seeded.</returns>
    public static async Task<bool> InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Migrating takes EF's migration lock even when nothing is pending; on SQLite a start killed while holding it
        // leaves it behind (see SqliteMigrationLock), so an ordinary start, with nothing to migrate, takes no lock at all.
        // EF reads its history table without looking whether it exists, and on a new database that read fails (an error
        // in the database's log, a failed command in ours): so look in the catalog first, and create it before migrating.
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var historyExists = await HistoryTableExistsAsync(db, ct);
        if (!historyExists || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            if (db.Database.IsSqlite())
            {
                await SqliteMigrationLock.ReleaseIfStaleAsync(db, clock, ct);
            }

            if (!historyExists)
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            }

            await db.Database.MigrateAsync(ct);
        }

        var configured = scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value.Stores;
        var seedDemo = configured.Count == 0;
        var seeds = seedDemo ? [DemoStore.Seed] : configured;
        try
        {
            await StoreBootstrapper.EnsureAsync(db, seeds, clock, ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another instance sharing the database bootstrapped the same rows at the same moment; run again to converge.
            db.ChangeTracker.Clear();
            await StoreBootstrapper.EnsureAsync(db, seeds, clock, ct);
        }

        return seedDemo;
    }

    /// <summary>Whether EF's <c>__EFMigrationsHistory</c> is there, from the catalog (EF's own check reads the table and fails).</summary>
    private static async Task<bool> HistoryTableExistsAsync(CustomerDbContext db, CancellationToken ct)
    {
        var sql = db.Database.IsSqlite()
            ? """SELECT COUNT(*) > 0 AS "Value" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"""
            : """SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL AS "Value" """;
        return (await db.Database.SqlQueryRaw<bool>(sql).ToListAsync(ct)).Single();
    }
}
