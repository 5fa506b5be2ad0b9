using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// Inserts many new rows of one entity in the current transaction, without a round trip per row: PostgreSQL's binary
/// COPY, whose columns and values come from the EF model (so a column added to the entity is copied too); on SQLite,
/// EF's batched inserts with change detection off. Triggers fire as for any insert (the customer count's shares).
/// </summary>
public static class BulkInserts
{
    public static async Task InsertAsync<T>(CustomerDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, rows, ct);
            return;
        }

        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private static async Task CopyAsync<T>(CustomerDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Name: p.GetColumnName(table)!, Property: p)).ToArray();
        var copy = $"COPY {Quoted(table.Name)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var importer = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var (_, property) in columns)
                {
                    var value = property.GetGetter().GetClrValue(row);
                    if (property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    await (value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, ct));
                }
            }

            await importer.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
