using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 16): a store's name, as the admin API gives it; stores made before have none.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261202000000_StoreNames")]
public sealed class StoreNames : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("name", "stores", maxLength: 255, nullable: false, defaultValue: "");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("name", "stores");
}
