using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerApi.Data;

public static class DbErrors
{
    /// <summary>Saves; false when a unique index refused the write (a race the pre-check could not see).</summary>
    public static async Task<bool> TrySaveUniqueAsync(this CustomerDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (InvalidOperationException e) when (IsUniqueIndexCycle(e))
        {
            // EF orders row updates so unique values never clash midway; a swap (a cycle) it cannot order and refuses itself.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static bool IsUniqueIndexCycle(InvalidOperationException e) =>
        e.Message.Contains("circular dependency", StringComparison.Ordinal) && e.Message.Contains("Index {", StringComparison.Ordinal);

    public static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        _ => false,
    };

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    };
}
