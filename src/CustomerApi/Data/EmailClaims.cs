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
/// </summary>
public static class EmailClaims
{
    /// <summary>Locks the emails, in one order for every request so two batches cannot deadlock on each other's.</summary>
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
        return db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock({storeId}, hashtext(k)) FROM unnest({keys}) WITH ORDINALITY AS e(k, n) ORDER BY n", ct);
    }

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

    /// <summary>The statement text PostgreSQL's one-statement create (CustomerInserts) locks its email with.</summary>
    internal const string PostgresLock = "SELECT pg_advisory_xact_lock($1, hashtext($2))";

    internal static NpgsqlBatchCommand PostgresLockCommand(int storeId, string emailKey) => new(PostgresLock)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = storeId },
            new NpgsqlParameter<string> { TypedValue = emailKey, NpgsqlDbType = NpgsqlDbType.Text },
        },
    };
}
