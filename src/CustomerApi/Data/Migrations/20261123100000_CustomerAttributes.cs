using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: V3 customer attributes and their values, with per-store id counters.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261123100000_CustomerAttributes")]
public sealed class CustomerAttributes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("last_attribute_id", "stores", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>("last_attribute_value_id", "stores", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "customer_attributes",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                name_key = table.Column<string>(maxLength: 255, nullable: false),
                type = table.Column<string>(maxLength: 10, nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
                date_modified = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_attributes", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customer_attributes_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "customer_attribute_values",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                customer_id = table.Column<int>(nullable: false),
                attribute_id = table.Column<int>(nullable: false),
                value = table.Column<string>(maxLength: 255, nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
                date_modified = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_attribute_values", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customer_attribute_values_customers_store_id_customer_id",
                    x => new { x.store_id, x.customer_id }, "customers", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_customer_attribute_values_customer_attributes_store_id_attribute_id",
                    x => new { x.store_id, x.attribute_id }, "customer_attributes", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_customer_attributes_store_id_name_key", "customer_attributes", ["store_id", "name_key"], unique: true);
        foreach (var column in new[] { "type", "date_created", "date_modified" })
        {
            migrationBuilder.CreateIndex($"ix_customer_attributes_store_id_{column}", "customer_attributes", ["store_id", column]);
        }

        migrationBuilder.CreateIndex("ix_customer_attribute_values_store_id_customer_id_attribute_id", "customer_attribute_values",
            ["store_id", "customer_id", "attribute_id"], unique: true);
        foreach (var column in new[] { "attribute_id", "date_created", "date_modified" })
        {
            migrationBuilder.CreateIndex($"ix_customer_attribute_values_store_id_{column}", "customer_attribute_values", ["store_id", column]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("customer_attribute_values");
        migrationBuilder.DropTable("customer_attributes");
        migrationBuilder.DropColumn("last_attribute_value_id", "stores");
        migrationBuilder.DropColumn("last_attribute_id", "stores");
    }
}
