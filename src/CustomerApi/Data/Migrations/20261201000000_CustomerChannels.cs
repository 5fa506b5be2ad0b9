using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial (issue 13). A customer's channels: the one it was created on and those it can log in to
// (null: every channel). Emails become unique per channel, so their index is no longer unique (ChannelRules,
// EmailClaims). name_key ("first last", lower-cased) serves V3's name:in and name:like; registration_ip_address gets
// the index its new V3 filter needs. Existing customers are global customers of channel 1.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261201000000_CustomerChannels")]
public sealed class CustomerChannels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("origin_channel_id", "customers", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<string>("channel_ids", "customers", nullable: true);
        migrationBuilder.AddColumn<string>("name_key", "customers", maxLength: 201, nullable: false, defaultValue: "");
        // lower() of SQLite folds ASCII letters only; customers written from now on carry C#'s invariant lower case.
        migrationBuilder.Sql("UPDATE customers SET name_key = lower(trim(first_name)) || ' ' || lower(trim(last_name))");
        migrationBuilder.DropIndex("ix_customers_store_id_email_key", "customers");
        migrationBuilder.CreateIndex("ix_customers_store_id_email_key", "customers", ["store_id", "email_key"]);
        migrationBuilder.CreateIndex("ix_customers_store_id_name_key", "customers", ["store_id", "name_key"]);
        migrationBuilder.CreateIndex("ix_customers_store_id_registration_ip_address", "customers", ["store_id", "registration_ip_address"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_customers_store_id_registration_ip_address", "customers");
        migrationBuilder.DropIndex("ix_customers_store_id_name_key", "customers");
        migrationBuilder.DropIndex("ix_customers_store_id_email_key", "customers");
        migrationBuilder.CreateIndex("ix_customers_store_id_email_key", "customers", ["store_id", "email_key"], unique: true);
        migrationBuilder.DropColumn("name_key", "customers");
        migrationBuilder.DropColumn("channel_ids", "customers");
        migrationBuilder.DropColumn("origin_channel_id", "customers");
    }
}
