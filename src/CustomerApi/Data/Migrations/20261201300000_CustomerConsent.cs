using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 15): each customer's cookie consent.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201300000_CustomerConsent")]
public sealed class CustomerConsent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "customer_consents",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                customer_id = table.Column<int>(nullable: false),
                allow = table.Column<string>(maxLength: 64, nullable: false),
                deny = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_consents", x => new { x.store_id, x.customer_id });
                table.ForeignKey("fk_customer_consents_customers_store_id_customer_id",
                    x => new { x.store_id, x.customer_id }, "customers", ["store_id", "id"], onDelete: ReferentialAction.Cascade);
            });

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("customer_consents");
}
