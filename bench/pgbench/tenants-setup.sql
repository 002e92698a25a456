-- For tenants-write*.sql: 16 tenants on a database migrated with `npm run migration:run`. Client n writes to
-- tenant n % 16, so 32 clients are two per tenant. tenants-teardown.sql deletes them and all they wrote.
INSERT INTO tenants (id, name)
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'pgbench tenant ' || n FROM generate_series(1, 16) n
ON CONFLICT (id) DO NOTHING;
