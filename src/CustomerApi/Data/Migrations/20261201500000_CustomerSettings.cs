using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 15): a store's global privacy settings, and the channels it knows with their
// overrides of them. The customer group settings are the groups' own flags, so they need no column.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201500000_CustomerSettings")]
public sealed class CustomerSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "customer_settings",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                ask_shopper_for_tracking_consent = table.Column<bool>(nullable: false),
                policy_url = table.Column<string>(maxLength: 2048, nullable: false),
                ask_shopper_for_tracking_consent_on_checkout = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_settings", x => x.store_id);
                table.ForeignKey("fk_customer_settings_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "channel_settings",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                channel_id = table.Column<int>(nullable: false),
                ask_shopper_for_tracking_consent = table.Column<bool>(nullable: true),
                policy_url = table.Column<string>(maxLength: 2048, nullable: true),
                ask_shopper_for_tracking_consent_on_checkout = table.Column<bool>(nullable: true),
                guest_customer_group_id = table.Column<int>(nullable: true),
                default_customer_group_id = table.Column<int>(nullable: true),
                allow_global_logins = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_channel_settings", x => new { x.store_id, x.channel_id });
                table.ForeignKey("fk_channel_settings_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("channel_settings");
        migrationBuilder.DropTable("customer_settings");
    }
}
