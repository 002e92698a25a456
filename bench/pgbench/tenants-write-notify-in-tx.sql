-- BEFORE (OutboxWriter until issue #9): POST /Users without the audit event, 16 tenants, with pg_notify INSIDE the
-- write transaction. Every notifying transaction takes Postgres' cluster-wide notify lock at commit, so all
-- tenants' commits queue on each other. Compare with tenants-write.sql in the same run.
\set t :client_id % 16 + 1
\set n random(1, 2000000000)
BEGIN;
INSERT INTO scim_users (tenant_id, user_name, external_id, display_name, active, emails, resource)
  VALUES (('00000000-0000-4000-8000-' || lpad(:t::text, 12, '0'))::uuid, 'pgb.' || :client_id || '.' || :n || '@bench.example', 'ext-' || :n, 'Bench User ' || :n, true,
          ARRAY['pgb.' || :client_id || '.' || :n || '@bench.example'],
          '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "pgb@bench.example", "active": true, "displayName": "Bench User", "emails": [{"primary": true, "type": "work", "value": "pgb@bench.example"}], "name": {"formatted": "Bench User", "familyName": "User", "givenName": "Bench"}}')
  ON CONFLICT (tenant_id, lower(user_name)) WHERE deleted_at IS NULL DO NOTHING;
WITH inserted AS (
  INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource)
  VALUES (('00000000-0000-4000-8000-' || lpad(:t::text, 12, '0'))::uuid, 'user.created', 'User', gen_random_uuid()::text, 'ext-' || :n,
          '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "pgb@bench.example", "active": true, "meta": {"resourceType": "User", "version": "W/\"1\""}}')
  RETURNING tenant_id)
SELECT pg_notify('provisio_pgbench', tenant_id::text) FROM inserted;
COMMIT;
