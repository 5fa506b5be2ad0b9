using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerApi.Data;

/// <summary>How a save ended: written, refused by a unique index, or refused because a row it needs is gone.</summary>
public enum SaveOutcome { Saved, Duplicate, Gone }

public static class DbErrors
{
    /// <summary>
    /// Saves, and reports the races a pre-check cannot see as outcomes rather than exceptions: <see cref="SaveOutcome.Duplicate"/>
    /// when a unique index refused the write, <see cref="SaveOutcome.Gone"/> when a row it updates was deleted meanwhile
    /// (no row to update) or a row it points at was (a foreign key refused it). Nothing was written in either case.
    /// </summary>
    public static async Task<SaveOutcome> SaveAsync(this CustomerDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Gone;
        }
        catch (DbUpdateException e) when (RefusedAs(e) is { } outcome)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }
        catch (InvalidOperationException e) when (IsUniqueIndexCycle(e))
        {
            // EF orders row updates so unique values never clash midway; a swap (a cycle) it cannot order and refuses itself.
            db.ChangeTracker.Clear();
            return SaveOutcome.Duplicate;
        }
    }

    private static bool IsUniqueIndexCycle(InvalidOperationException e) =>
        e.Message.Contains("circular dependency", StringComparison.Ordinal) && e.Message.Contains("Index {", StringComparison.Ordinal);

    /// <summary>
    /// The database could not take the request now, though it may a moment later: the pool had no free connection in
    /// time, the server is unreachable or refusing connections, SQLite's file stayed locked past the busy timeout, or
    /// PostgreSQL broke a deadlock. Nothing of the request was written (its transaction, if any, rolled back).
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private static SaveOutcome? RefusedAs(DbUpdateException e) =>
        IsUniqueViolation(e) ? SaveOutcome.Duplicate : IsForeignKeyViolation(e) ? SaveOutcome.Gone : null;

    private static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        _ => false,
    };

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    };
}
