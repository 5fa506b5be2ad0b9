using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: the shares of each store's customer count that creates add to (CustomerCountShard).
[DbContext(typeof(CustomerDbContext))]
[Migration("20261130000000_CustomerCountShards")]
public sealed class CustomerCountShards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
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

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("customer_count_shards");
}
