using CustomerApi.Data;
using CustomerApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this is what catches a forgotten one: the schema they build must be the
/// schema the EF model expects, table by table, column by column (type and nullability) and index by index.
/// </summary>
public abstract class SchemaMatchesModelTests(ApiFixture api)
{
    [Fact]
    public async Task Migrated_schema_has_exactly_the_models_tables_columns_and_indexes()
    {
        var factory = await api.FactoryAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var isPostgres = db.Database.IsNpgsql();

        var expectedTables = model.Tables.Select(t => t.Name).Order().ToList();
        (await ReadAsync(db, isPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '!_!_EF%' ESCAPE '!'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '!_!_EF%' ESCAPE '!'"))
            .Order().ToList().ShouldBe(expectedTables);

        foreach (var table in model.Tables)
        {
            var expectedColumns = table.Columns
                .Select(c => $"{c.Name} {Normalize(c.StoreType)} {(c.IsNullable ? "null" : "not null")}").Order().ToList();
            var actualColumns = await ReadAsync(db, isPostgres
                ? $"""
                   SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END
                   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relname = '{table.Name}' AND a.attnum > 0 AND NOT a.attisdropped
                   """
                : $"""SELECT name || ' ' || type || ' ' || CASE WHEN "notnull" = 1 OR pk > 0 THEN 'not null' ELSE 'null' END FROM pragma_table_info('{table.Name}')""");
            actualColumns.Select(Normalize).Order().ToList().ShouldBe(expectedColumns, customMessage: $"columns of {table.Name}");

            var expectedIndexes = table.Indexes.Select(i => $"{i.Name}{(i.IsUnique ? " unique" : "")}").Order().ToList();
            var actualIndexes = await ReadAsync(db, isPostgres
                ? $"""
                   SELECT i.relname || CASE WHEN x.indisunique THEN ' unique' ELSE '' END
                   FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                   WHERE t.relname = '{table.Name}' AND NOT x.indisprimary
                   """
                : $"SELECT name || CASE WHEN \"unique\" = 1 THEN ' unique' ELSE '' END FROM pragma_index_list('{table.Name}') WHERE origin = 'c'");
            actualIndexes.Order().ToList().ShouldBe(expectedIndexes, customMessage: $"indexes of {table.Name}");

            var expectedKey = string.Join(",", table.PrimaryKey!.Columns.Select(c => c.Name));
            var actualKey = string.Join(",", await ReadAsync(db, isPostgres
                ? $"""
                   SELECT a.attname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
                   JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE t.relname = '{table.Name}' AND x.indisprimary ORDER BY k.ord
                   """
                : $"SELECT name FROM pragma_table_info('{table.Name}') WHERE pk > 0 ORDER BY pk"));
            actualKey.ShouldBe(expectedKey, $"primary key of {table.Name}");
        }
    }

    private static string Normalize(string text) => text.ToLowerInvariant();

    private static async Task<List<string>> ReadAsync(CustomerDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SchemaMatchesModelTests_Sqlite(SqliteApi api) : SchemaMatchesModelTests(api), IClassFixture<SqliteApi>;

public sealed class SchemaMatchesModelTests_Postgres(PostgresApi api) : SchemaMatchesModelTests(api), IClassFixture<PostgresApi>;
