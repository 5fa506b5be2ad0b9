using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 14): an address's name_key ("first last", lower-cased) and the indexes V3's
// name:in and company:in on addresses read.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201100000_AddressNames")]
public sealed class AddressNames : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("name_key", "customer_addresses", maxLength: 511, nullable: false, defaultValue: "");
        // lower() of SQLite folds ASCII letters only; addresses written from now on carry C#'s invariant lower case.
        migrationBuilder.Sql("UPDATE customer_addresses SET name_key = lower(trim(first_name)) || ' ' || lower(trim(last_name))");
        migrationBuilder.CreateIndex("ix_customer_addresses_store_id_name_key", "customer_addresses", ["store_id", "name_key"]);
        migrationBuilder.CreateIndex("ix_customer_addresses_store_id_company", "customer_addresses", ["store_id", "company"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_customer_addresses_store_id_company", "customer_addresses");
        migrationBuilder.DropIndex("ix_customer_addresses_store_id_name_key", "customer_addresses");
        migrationBuilder.DropColumn("name_key", "customer_addresses");
    }
}
