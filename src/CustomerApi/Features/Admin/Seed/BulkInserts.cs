using CustomerApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerApi.Features.Admin.Seed;

/// <summary>
/// Inserts many new rows of one entity in the current transaction, without a round trip per row: PostgreSQL's binary
/// COPY; on SQLite, in-process, one prepared INSERT run row by row. Columns, and how each value is stored, come from the EF
/// model, so a column added to an entity is written too. Triggers fire as for any insert (the customer count's shares).
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

        await InsertOneByOneAsync(db, rows, ct);
    }

    /// <summary>SQLite runs in-process, so a prepared INSERT executed once per row costs no round trip.</summary>
    private static async Task InsertOneByOneAsync<T>(CustomerDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var (table, columns) = ColumnsOf<T>(db);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {Quoted(table)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(CustomerDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var (table, columns) = ColumnsOf<T>(db);
        var copy = $"COPY {Quoted(table)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var importer = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = column.ValueOf(row);
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

    /// <summary>A column of the entity's table: its name, how EF binds it, and a row's value as the database stores it.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        public object? ValueOf(object row) => Mapping.Converter is { } converter ? converter.ConvertToProvider(Getter.GetClrValue(row)) : Getter.GetClrValue(row);
    }

    private static (string Table, Column[] Columns) ColumnsOf<T>(CustomerDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (table.Name, entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter())).ToArray());
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
