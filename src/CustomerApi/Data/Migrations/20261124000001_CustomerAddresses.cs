using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: V2 customer addresses, with a per-store id counter.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261124000001_CustomerAddresses")]
public sealed class CustomerAddresses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("last_address_id", "stores", nullable: false, defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "customer_addresses",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                customer_id = table.Column<int>(nullable: false),
                first_name = table.Column<string>(maxLength: 255, nullable: false),
                last_name = table.Column<string>(maxLength: 255, nullable: false),
                company = table.Column<string>(maxLength: 255, nullable: false),
                street_1 = table.Column<string>(maxLength: 255, nullable: false),
                street_2 = table.Column<string>(maxLength: 255, nullable: false),
                city = table.Column<string>(maxLength: 100, nullable: false),
                state = table.Column<string>(maxLength: 100, nullable: false),
                zip = table.Column<string>(maxLength: 30, nullable: false),
                country = table.Column<string>(maxLength: 100, nullable: false),
                country_iso2 = table.Column<string>(maxLength: 2, nullable: false),
                phone = table.Column<string>(maxLength: 50, nullable: false),
                address_type = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_addresses", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customer_addresses_customers_store_id_customer_id",
                    x => new { x.store_id, x.customer_id }, "customers", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_customer_addresses_store_id_customer_id_id", "customer_addresses", ["store_id", "customer_id", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("customer_addresses");
        migrationBuilder.DropColumn("last_address_id", "stores");
    }
}
