using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: V2 customer groups, with a per-store id counter.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261124000000_CustomerGroups")]
public sealed class CustomerGroups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("last_customer_group_id", "stores", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "customer_groups",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                name_key = table.Column<string>(maxLength: 255, nullable: false),
                is_default = table.Column<bool>(nullable: false),
                is_group_for_guests = table.Column<bool>(nullable: false),
                category_access_type = table.Column<string>(maxLength: 10, nullable: false),
                category_ids = table.Column<string>(nullable: false),
                discount_rules = table.Column<string>(nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
                date_modified = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_groups", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customer_groups_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_customer_groups_store_id_name_key", "customer_groups", ["store_id", "name_key"], unique: true);
        foreach (var column in new[] { "is_default", "is_group_for_guests", "date_created", "date_modified" })
        {
            migrationBuilder.CreateIndex($"ix_customer_groups_store_id_{column}", "customer_groups", ["store_id", column]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("customer_groups");
        migrationBuilder.DropColumn("last_customer_group_id", "stores");
    }
}
