using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CustomerApi.Features.Admin.Snapshots;

/// <summary>
/// Inserts rows on PostgreSQL with one binary <c>COPY</c> per table, in the caller's transaction: each INSERT of EF's
/// batches is a statement of its own, and the customers' count trigger runs once per statement, so 10,000 customers
/// took seconds that one COPY does in a fraction of one. The columns and their conversions are EF's model's, so a
/// column added to an entity is copied with no change here. Triggers and constraints apply as to an INSERT.
/// </summary>
internal static class PostgresCopy
{
    public static async Task InsertAsync<T>(CustomerDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var properties = entity.GetProperties().ToArray();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"{entity.GetTableName()}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            foreach (var property in properties)
            {
                if (ColumnValue(property, row) is { } value)
                {
                    await import.WriteAsync(value, ct);
                }
                else
                {
                    await import.WriteNullAsync(ct);
                }
            }
        }

        await import.CompleteAsync(ct);
    }

    /// <summary>The value as the column keeps it: through the property's converter (channel ids as text, dates as UTC).</summary>
    private static object? ColumnValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
        return property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
