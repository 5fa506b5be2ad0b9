-- The N benchmark customers, one definition for every database that holds them (the API's, the ceiling's),
-- so every server under test serves the same rows. Needs the psql variable n.
CREATE TEMP VIEW seed_customers AS
SELECT g AS id,
       (ARRAY['Jane', 'John', 'Maria', 'Ahmed', 'Wei', 'Olga', 'Pedro', 'Aiko',
              'Liam', 'Fatima', 'Noah', 'Chloe', 'Ivan', 'Priya', 'Tom', 'Sara'])[1 + g % 16] AS first_name,
       (ARRAY['Doe', 'Smith', 'Garcia', 'Khan', 'Chen', 'Ivanova', 'Silva', 'Tanaka', 'Murphy', 'Haddad',
              'Brown', 'Martin', 'Petrov', 'Patel', 'Jones', 'Berg', 'Rossi', 'Novak', 'Kim', 'Dubois'])[1 + (g / 16) % 20] AS last_name,
       'Customer' || g || '@Example.com' AS email,
       'customer' || g || '@example.com' AS email_key,
       'Company ' || (g % 997) AS company,
       '555' || lpad((g % 10000000)::text, 7, '0') AS phone,
       ((g % 200) * 2.5)::numeric(19, 4) AS store_credit,
       0 AS customer_group_id,
       timestamptz '2015-01-01 00:00:00+00' + g * interval '1 minute' AS date_created
FROM generate_series(1, :n) AS g;
