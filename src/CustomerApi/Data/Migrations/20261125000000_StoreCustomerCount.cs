using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial: each store's customer count, so GET /customers/count needs no scan.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261125000000_StoreCustomerCount")]
public sealed class StoreCustomerCount : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("customer_count", "stores", nullable: false, defaultValue: 0);
        migrationBuilder.Sql("UPDATE stores SET customer_count = (SELECT COUNT(*) FROM customers WHERE customers.store_id = stores.id)");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("customer_count", "stores");
}
