-- Bulk-loads the benchmark store (made by the API at start-up, hash :'store') with the N customers of customers.sql,
-- 5 attributes, one value per customer for attribute 1 and one address per customer, straight into the tables the
-- migrations made.
-- Secondary indexes are dropped for the load and rebuilt from their own definitions, so this follows the schema
-- as the migrations leave it. Needs the psql variables n and store.
\set ON_ERROR_STOP on
\ir customers.sql
SELECT id AS store_id FROM stores WHERE hash = :'store' \gset
SET maintenance_work_mem = '512MB';
SET session_replication_role = replica; -- no foreign-key triggers per row: every key below is known to exist

BEGIN;
CREATE TEMP TABLE seed_indexes ON COMMIT DROP AS
SELECT i.indexname, i.indexdef
FROM pg_indexes i
WHERE i.schemaname = current_schema()
  AND i.tablename IN ('customers', 'customer_attribute_values', 'customer_addresses')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexname FROM seed_indexes LOOP
        EXECUTE format('DROP INDEX %I', r.indexname);
    END LOOP;
END $$;

INSERT INTO customers (store_id, id, first_name, last_name, email, email_key, company, phone, notes, tax_exempt_category,
                       registration_ip_address, store_credit, customer_group_id, accepts_marketing, reset_pass_on_login,
                       password_hash, date_created, date_modified, name_key)
SELECT :store_id, id, first_name, last_name, email, email_key, company, phone, '', '',
       '10.0.' || (id / 256 % 256) || '.' || (id % 256), store_credit, customer_group_id, id % 2 = 0, false,
       NULL, date_created, date_created + interval '1 day', lower(first_name || ' ' || last_name)
FROM seed_customers;

INSERT INTO customer_addresses (store_id, id, customer_id, first_name, last_name, name_key, company, street_1, street_2, city,
                                state, zip, country, country_iso2, phone, address_type)
SELECT :store_id, id, id, first_name, last_name, lower(first_name || ' ' || last_name), company, id || ' Main Street', '',
       'Austin', 'Texas', '78701', 'United States', 'US', phone, 'residential'
FROM seed_customers;

INSERT INTO customer_attributes (store_id, id, name, name_key, type, date_created, date_modified)
SELECT :store_id, a.id, a.name, lower(a.name), a.type, now(), now()
FROM (VALUES (1, 'Shoe size', 'number'), (2, 'Birthday', 'date'), (3, 'Nickname', 'string'),
             (4, 'Favourite colour', 'string'), (5, 'Loyalty tier', 'string')) AS a (id, name, type);

INSERT INTO customer_attribute_values (store_id, id, customer_id, attribute_id, value, date_created, date_modified)
SELECT :store_id, id, id, 1, (36 + id % 12)::text, date_created, date_created
FROM seed_customers;

UPDATE stores SET last_customer_id = :n, last_attribute_id = 5, last_attribute_value_id = :n, last_address_id = :n WHERE id = :store_id;
SELECT setval(format('customer_ids_%s', :store_id), :n); -- PostgreSQL's customer ids come from the store's sequence
-- The count triggers are off in this session (replica role): the count goes into the store's first share by hand.
INSERT INTO customer_count_shards (store_id, shard, count) VALUES (:store_id, 0, :n)
ON CONFLICT (store_id, shard) DO UPDATE SET count = excluded.count;

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexdef FROM seed_indexes LOOP
        EXECUTE r.indexdef;
    END LOOP;
END $$;
COMMIT;

VACUUM ANALYZE customers, customer_attributes, customer_attribute_values, customer_addresses, stores;
