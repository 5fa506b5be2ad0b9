using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 14): a store's form fields, customers' and addresses' values of them, and the
// per-store counter of value ids.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201200000_FormFields")]
public sealed class FormFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("last_form_field_value_id", "stores", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "form_fields",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                type = table.Column<string>(maxLength: 12, nullable: false),
                for_owner = table.Column<string>(maxLength: 8, nullable: false),
                required = table.Column<bool>(nullable: false),
                options = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_form_fields", x => new { x.store_id, x.id });
                table.ForeignKey("fk_form_fields_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "form_field_values",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                field_id = table.Column<int>(nullable: false),
                customer_id = table.Column<int>(nullable: true),
                address_id = table.Column<int>(nullable: true),
                value = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_form_field_values", x => new { x.store_id, x.id });
                table.ForeignKey("fk_form_field_values_customers_store_id_customer_id",
                    x => new { x.store_id, x.customer_id }, "customers", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_form_field_values_customer_addresses_store_id_address_id",
                    x => new { x.store_id, x.address_id }, "customer_addresses", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_form_field_values_form_fields_store_id_field_id",
                    x => new { x.store_id, x.field_id }, "form_fields", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("ck_form_field_values_one_owner", "(customer_id IS NULL) <> (address_id IS NULL)");
            });

        migrationBuilder.CreateIndex("ix_form_fields_store_id_for_owner_name", "form_fields", ["store_id", "for_owner", "name"], unique: true);
        migrationBuilder.CreateIndex("ix_form_field_values_store_id_customer_id_field_id", "form_field_values",
            ["store_id", "customer_id", "field_id"], unique: true);
        migrationBuilder.CreateIndex("ix_form_field_values_store_id_address_id_field_id", "form_field_values",
            ["store_id", "address_id", "field_id"], unique: true);
        migrationBuilder.CreateIndex("ix_form_field_values_store_id_field_id", "form_field_values", ["store_id", "field_id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("form_field_values");
        migrationBuilder.DropTable("form_fields");
        migrationBuilder.DropColumn("last_form_field_value_id", "stores");
    }
}
