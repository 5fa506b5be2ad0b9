using CustomerApi.Bootstrap;
using Microsoft.EntityFrameworkCore;
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
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            if (db.Database.IsSqlite())
            {
                await SqliteMigrationLock.ReleaseIfStaleAsync(db, clock, ct);
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
}
