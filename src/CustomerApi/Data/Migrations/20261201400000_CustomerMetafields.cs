using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 15): customers' metafields and the per-store counter of their ids.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201400000_CustomerMetafields")]
public sealed class CustomerMetafields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("last_metafield_id", "stores", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "customer_metafields",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                customer_id = table.Column<int>(nullable: false),
                owner_client_id = table.Column<string>(maxLength: 30, nullable: false),
                permission_set = table.Column<string>(maxLength: 19, nullable: false),
                @namespace = table.Column<string>(maxLength: 64, nullable: false),
                key = table.Column<string>(maxLength: 64, nullable: false),
                value = table.Column<string>(maxLength: 65535, nullable: false),
                description = table.Column<string>(maxLength: 255, nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
                date_modified = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_metafields", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customer_metafields_customers_store_id_customer_id",
                    x => new { x.store_id, x.customer_id }, "customers", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_customer_metafields_store_id_customer_id_owner_namespace_key", "customer_metafields",
            ["store_id", "customer_id", "owner_client_id", "namespace", "key"], unique: true);
        migrationBuilder.CreateIndex("ix_customer_metafields_store_id_key", "customer_metafields", ["store_id", "key"]);
        migrationBuilder.CreateIndex("ix_customer_metafields_store_id_namespace", "customer_metafields", ["store_id", "namespace"]);
        migrationBuilder.CreateIndex("ix_customer_metafields_store_id_date_created", "customer_metafields", ["store_id", "date_created"]);
        migrationBuilder.CreateIndex("ix_customer_metafields_store_id_date_modified", "customer_metafields", ["store_id", "date_modified"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("customer_metafields");
        migrationBuilder.DropColumn("last_metafield_id", "stores");
    }
}
