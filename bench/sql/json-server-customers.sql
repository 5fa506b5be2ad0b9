-- The benchmark store's customers as JSON lines in the API's V2 shape, for json-server's db.
-- Needs the psql variables store and base (the V2 base URL the addresses links point at).
\set ON_ERROR_STOP on
COPY (
    SELECT json_build_object(
        'id', c.id, 'company', c.company, 'first_name', c.first_name, 'last_name', c.last_name, 'email', c.email,
        'phone', c.phone, 'form_fields', NULL,
        'date_created', to_char(c.date_created AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000',
        'date_modified', to_char(c.date_modified AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000',
        'store_credit', c.store_credit::numeric(19, 4)::text, 'registration_ip_address', c.registration_ip_address,
        'customer_group_id', c.customer_group_id, 'notes', c.notes, 'tax_exempt_category', c.tax_exempt_category,
        'reset_pass_on_login', c.reset_pass_on_login, 'accepts_marketing', c.accepts_marketing,
        'addresses', json_build_object('url', :'base' || '/customers/' || c.id || '/addresses',
                                       'resource', '/customers/' || c.id || '/addresses'))
    FROM customers c JOIN stores s ON s.id = c.store_id
    WHERE s.hash = :'store'
    ORDER BY c.id
) TO STDOUT;
