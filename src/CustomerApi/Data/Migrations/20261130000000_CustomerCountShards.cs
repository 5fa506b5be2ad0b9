using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: the shares of each store's customer count (CustomerCountShard), kept by triggers on
// customers, so every insert and delete counts in its own statement and no create writes the store's row to be counted.
// The count stores.customer_count held moves into shard 0; the column is no longer written.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261130000000_CustomerCountShards")]
public sealed class CustomerCountShards : Migration
{
    // Each insert or delete statement adds its rows' number (negative for a delete) to a share of the store's count. A
    // store being deleted takes its customers and shards with it: its shards are not written then.
    private const string AddToShare = "ON CONFLICT (store_id, shard) DO UPDATE SET count = customer_count_shards.count + excluded.count";

    private static string PostgresCounting(string operation, string rows, string transition, string sign) => $"""
        CREATE FUNCTION count_customers_{rows}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO customer_count_shards (store_id, shard, count)
            SELECT r.store_id, pg_backend_pid() % 16, {sign}count(*) FROM {rows} r
            WHERE EXISTS (SELECT 1 FROM stores s WHERE s.id = r.store_id) GROUP BY r.store_id
            {AddToShare};
            RETURN NULL;
        END $$;
        CREATE TRIGGER customers_counted_on_{operation.ToLowerInvariant()} AFTER {operation} ON customers
            REFERENCING {transition} TABLE AS {rows} FOR EACH STATEMENT EXECUTE FUNCTION count_customers_{rows}();
        """;

    private static string SqliteCounting(string operation, string row, int delta) => $"""
        CREATE TRIGGER customers_counted_on_{operation.ToLowerInvariant()} AFTER {operation} ON customers BEGIN
            INSERT INTO customer_count_shards (store_id, shard, count)
            SELECT {row}.store_id, 0, {delta} WHERE EXISTS (SELECT 1 FROM stores WHERE id = {row}.store_id)
            {AddToShare};
        END;
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "customer_count_shards",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                shard = table.Column<int>(nullable: false),
                count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_count_shards", x => new { x.store_id, x.shard });
                table.ForeignKey("fk_customer_count_shards_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql("INSERT INTO customer_count_shards (store_id, shard, count) SELECT id, 0, customer_count FROM stores WHERE customer_count <> 0");
        migrationBuilder.Sql("UPDATE stores SET customer_count = 0");
        migrationBuilder.Sql(migrationBuilder.IsNpgsql()
            ? PostgresCounting("INSERT", "inserted", "NEW", "") + PostgresCounting("DELETE", "deleted", "OLD", "-")
            : SqliteCounting("INSERT", "NEW", 1) + SqliteCounting("DELETE", "OLD", -1));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS customers_counted_on_insert" + (migrationBuilder.IsNpgsql() ? " ON customers" : ""));
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS customers_counted_on_delete" + (migrationBuilder.IsNpgsql() ? " ON customers" : ""));
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS count_customers_inserted(); DROP FUNCTION IF EXISTS count_customers_deleted()");
        }

        migrationBuilder.Sql("UPDATE stores SET customer_count = (SELECT COALESCE(SUM(count), 0) FROM customer_count_shards WHERE store_id = stores.id)");
        migrationBuilder.DropTable("customer_count_shards");
    }
}
