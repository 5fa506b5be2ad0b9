using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerApi.Data.Migrations;

// Written by hand, like Initial. On PostgreSQL each store's customer ids come from a sequence of its own,
// customer_ids_<store id> (CustomerInserts), made and dropped with the store by triggers on stores, so a create is one
// INSERT that takes its id as it goes and no create waits on another. Existing stores continue after
// stores.last_customer_id, which PostgreSQL no longer writes. SQLite, one writer at a time, keeps that column.
[DbContext(typeof(CustomerDbContext))]
[Migration("20261130100000_CustomerIdSequences")]
public sealed class CustomerIdSequences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql("""
            CREATE FUNCTION create_customer_id_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('CREATE SEQUENCE %I AS integer START %s', 'customer_ids_' || NEW.id, NEW.last_customer_id + 1);
                RETURN NULL;
            END $$;
            CREATE FUNCTION drop_customer_id_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('DROP SEQUENCE IF EXISTS %I', 'customer_ids_' || OLD.id);
                RETURN NULL;
            END $$;
            CREATE TRIGGER store_customer_ids_created AFTER INSERT ON stores FOR EACH ROW EXECUTE FUNCTION create_customer_id_sequence();
            CREATE TRIGGER store_customer_ids_dropped AFTER DELETE ON stores FOR EACH ROW EXECUTE FUNCTION drop_customer_id_sequence();
            DO $$
            DECLARE s record;
            BEGIN
                FOR s IN SELECT id, last_customer_id FROM stores LOOP
                    EXECUTE format('CREATE SEQUENCE %I AS integer START %s', 'customer_ids_' || s.id, s.last_customer_id + 1);
                END LOOP;
            END $$;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql("""
            DROP TRIGGER store_customer_ids_created ON stores;
            DROP TRIGGER store_customer_ids_dropped ON stores;
            DROP FUNCTION create_customer_id_sequence();
            DROP FUNCTION drop_customer_id_sequence();
            DO $$
            DECLARE s record;
            DECLARE last integer;
            BEGIN
                FOR s IN SELECT id FROM stores LOOP
                    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM %I', 'customer_ids_' || s.id) INTO last;
                    UPDATE stores SET last_customer_id = last WHERE id = s.id;
                    EXECUTE format('DROP SEQUENCE %I', 'customer_ids_' || s.id);
                END LOOP;
            END $$;
            """);
    }
}
