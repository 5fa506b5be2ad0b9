-- The ceiling's table (the columns its query reads) with the same N customers. Needs the psql variable n.
\set ON_ERROR_STOP on
\ir customers.sql
CREATE TABLE customers (id int PRIMARY KEY, first_name text, last_name text, email text, company text, phone text,
                        store_credit numeric, customer_group_id int, date_created timestamp);
INSERT INTO customers
SELECT id, first_name, last_name, email, company, phone, store_credit, customer_group_id, date_created AT TIME ZONE 'UTC'
FROM seed_customers;
VACUUM ANALYZE customers;
