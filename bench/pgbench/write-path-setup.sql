-- For write-path*.sql: run on a database migrated with `npm run migration:run` (the real tables, indexes and
-- triggers of scim_users, outbox_events, audit_events, audit_chain_heads). Creates the tenant the scripts write to;
-- deleting it (write-path-teardown.sql) removes everything they wrote.
INSERT INTO tenants (id, name) VALUES ('00000000-0000-4000-8000-0000000000b1', 'pgbench write path') ON CONFLICT (id) DO NOTHING;
