using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerApi.Data;

/// <summary>
/// On PostgreSQL, keeps a customer insert and a wipe of its store (admin reset, snapshot restore) apart: every insert holds
/// this transaction-scoped advisory lock shared, taken after its emails' locks and before its INSERT statement; a wipe
/// holds it exclusively, after the store's lock (<see cref="StoreLock"/>). So an insert comes wholly before a wipe (and
/// is wiped) or wholly after it: its INSERT then starts once the wipe has committed, checks its email against what the
/// wipe left and takes its id from the sequence the wipe restarted. Without it, an insert whose statement began before
/// a restore committed would check its email against the old customers and land beside the restored ones. SQLite writes
/// one at a time, so there the store's lock (the file's) already does this.
/// </summary>
public static class StoreWipeLock
{
    /// <summary>
    /// Advisory locks with one bigint key never meet those with two int keys (EmailClaims); the high half, "WIPE", keeps
    /// these apart from any other one-key lock.
    /// </summary>
    private const long Tag = 0x5749_5045L << 32;

    public static long KeyOf(int storeId) => Tag | (uint)storeId;

    /// <summary>The statement a customer insert's batch takes the lock with, shared, before its INSERT (CustomerInserts).</summary>
    internal static NpgsqlBatchCommand SharedCommand(int storeId) => new("SELECT pg_advisory_xact_lock_shared($1)")
    {
        Parameters = { new NpgsqlParameter<long> { TypedValue = KeyOf(storeId) } },
    };

    /// <summary>Waits for the store's customer inserts in flight to end, and holds new ones off until the transaction ends.</summary>
    public static Task AcquireExclusiveAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The wipe lock is held until a transaction ends; begin one first.");
        }

        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({KeyOf(storeId)})", ct)
            : Task.CompletedTask;
    }
}
