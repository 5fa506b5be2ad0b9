using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerApi.Data;

/// <summary>
/// Emails are unique per channel (ChannelRules), which no unique index can say; so a write that gives a customer an email
/// or channels first takes the lock of that email, checks, then writes, and holds the lock until its transaction ends.
/// On PostgreSQL the lock is a transaction-scoped advisory lock on (store, email), so writes of different emails never
/// wait on each other; SQLite writes one at a time anyway, so there it is the store's lock (its first write takes the file's).
/// A writer of many new emails at once (the admin seed) locks them all in one: <see cref="LockEveryEmailAsync"/>.
/// </summary>
public static class EmailClaims
{
    /// <summary>
    /// Locks the emails, in one order for every request so two batches cannot deadlock on each other's, after the store's
    /// lock of every email, shared (<see cref="LockEveryEmailAsync"/>).
    /// </summary>
    public static Task LockAsync(CustomerDbContext db, int storeId, IEnumerable<string> emailKeys, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An email's lock is held until a transaction ends; begin one first.");
        }

        if (!db.Database.IsNpgsql())
        {
            return StoreLock.AcquireAsync(db, storeId, ct);
        }

        var keys = emailKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock_shared({EveryEmailKey(storeId)});
            SELECT pg_advisory_xact_lock({storeId}, hashtext(k)) FROM unnest({keys}) WITH ORDINALITY AS e(k, n) ORDER BY n
            """, ct);
    }

    /// <summary>
    /// Locks every email of the store, taken or not, until the transaction ends: for a writer of thousands of new emails,
    /// which one lock each would take from the lock table every session shares. Each claim holds the store's lock of every
    /// email shared, before its own email's (<see cref="LockAsync"/>, <see cref="PostgresLock"/>): claims never wait on
    /// each other for it, this waits for those under way, and none starts until this transaction ends. Take the store's
    /// lock (StoreLock) first, as claims do.
    /// </summary>
    public static Task LockEveryEmailAsync(CustomerDbContext db, int storeId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The emails' lock is held until a transaction ends; begin one first.");
        }

        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EveryEmailKey(storeId)})", ct)
            : StoreLock.AcquireAsync(db, storeId, ct);
    }

    /// <summary>The store's lock of every email: in PostgreSQL's single 64-bit key space, apart from the (store, email) pairs.</summary>
    private static long EveryEmailKey(int storeId) => storeId;

    /// <summary>
    /// The customers holding one of these emails, with their channels: read after
    /// <see cref="LockAsync"/>, they are all there are until the transaction ends.
    /// </summary>
    public static async Task<ILookup<string, (int Id, int[]? Channels)>> HoldersAsync(
        CustomerDbContext db, int storeId, IReadOnlyCollection<string> emailKeys, CancellationToken ct)
    {
        var rows = await db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && emailKeys.Contains(c.EmailKey))
            .Select(c => new { c.EmailKey, c.Id, c.ChannelIds }).ToListAsync(ct);
        return rows.ToLookup(r => r.EmailKey, r => (r.Id, r.ChannelIds), StringComparer.Ordinal);
    }

    /// <summary>Whether a customer of <paramref name="channels"/> (other than <paramref name="exceptId"/>) may not have this email.</summary>
    public static bool Clashes(ILookup<string, (int Id, int[]? Channels)> holders, string emailKey, int[]? channels, int exceptId = 0) =>
        holders[emailKey].Any(h => h.Id != exceptId && ChannelRules.Overlap(h.Channels, channels));

    /// <summary>
    /// The statement text PostgreSQL's one-statement create (CustomerInserts) locks its email with: the store's lock of every
    /// email (shared) first, then the email's; <c>OFFSET 0</c> keeps the subquery, and so that order, from being planned away.
    /// </summary>
    internal const string PostgresLock =
        "SELECT pg_advisory_xact_lock($1, hashtext($2)) FROM (SELECT pg_advisory_xact_lock_shared($1::bigint) OFFSET 0) AS every_email";

    internal static NpgsqlBatchCommand PostgresLockCommand(int storeId, string emailKey) => new(PostgresLock)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = storeId },
            new NpgsqlParameter<string> { TypedValue = emailKey, NpgsqlDbType = NpgsqlDbType.Text },
        },
    };
}
