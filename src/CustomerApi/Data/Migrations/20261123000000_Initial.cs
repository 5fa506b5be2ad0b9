using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CustomerApi.Data.Migrations;

// Written by hand (no EF design-time tooling here). Provider-neutral: column types come from each
// provider's mapping of the CLR type; identity columns carry both providers' annotations.
// SchemaMatchesModelTests proves on both providers that this schema is the one the model expects.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "stores",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("Sqlite:Autoincrement", true),
                hash = table.Column<string>(maxLength: 64, nullable: false),
                last_customer_id = table.Column<int>(nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_stores", x => x.id));

        migrationBuilder.CreateTable(
            name: "api_tokens",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                    .Annotation("Sqlite:Autoincrement", true),
                store_id = table.Column<int>(nullable: false),
                token_hash = table.Column<byte[]>(maxLength: 32, nullable: false),
                scopes = table.Column<string>(maxLength: 1000, nullable: false),
                date_created = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_api_tokens", x => x.id);
                table.ForeignKey("fk_api_tokens_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "customers",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                id = table.Column<int>(nullable: false),
                first_name = table.Column<string>(maxLength: 100, nullable: false),
                last_name = table.Column<string>(maxLength: 100, nullable: false),
                email = table.Column<string>(maxLength: 250, nullable: false),
                email_key = table.Column<string>(maxLength: 250, nullable: false),
                company = table.Column<string>(maxLength: 255, nullable: false),
                phone = table.Column<string>(maxLength: 50, nullable: false),
                notes = table.Column<string>(maxLength: 65535, nullable: false),
                tax_exempt_category = table.Column<string>(maxLength: 255, nullable: false),
                registration_ip_address = table.Column<string>(maxLength: 50, nullable: false),
                store_credit = table.Column<decimal>(precision: 19, scale: 4, nullable: false),
                customer_group_id = table.Column<int>(nullable: false),
                accepts_marketing = table.Column<bool>(nullable: false),
                reset_pass_on_login = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                date_created = table.Column<DateTime>(nullable: false),
                date_modified = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customers", x => new { x.store_id, x.id });
                table.ForeignKey("fk_customers_stores_store_id", x => x.store_id, "stores", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_stores_hash", "stores", "hash", unique: true);
        migrationBuilder.CreateIndex("ix_api_tokens_store_id_token_hash", "api_tokens", ["store_id", "token_hash"], unique: true);
        migrationBuilder.CreateIndex("ix_customers_store_id_email_key", "customers", ["store_id", "email_key"], unique: true);
        foreach (var column in CustomerFilterColumns)
        {
            migrationBuilder.CreateIndex($"ix_customers_store_id_{column}", "customers", ["store_id", column]);
        }
    }

    private static readonly string[] CustomerFilterColumns =
    [
        "first_name", "last_name", "company", "phone", "store_credit", "customer_group_id",
        "tax_exempt_category", "date_created", "date_modified",
    ];

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("customers");
        migrationBuilder.DropTable("api_tokens");
        migrationBuilder.DropTable("stores");
    }
}
