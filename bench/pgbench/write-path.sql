-- write-path-no-audit.sql plus the audit event exactly as libs/audit writes it (insert-event.sql.ts: one plain INSERT
-- of the unsealed event with a real user.created diff; sequence and hash come from the sealer after commit, so no lock
-- is held to COMMIT). Keep in sync with insert-event.sql.ts. write-path-audit-chain-lock.sql is the writer before.
\set n random(1, 2000000000)
BEGIN;
INSERT INTO scim_users (tenant_id, user_name, external_id, display_name, active, emails, resource)
  VALUES ('00000000-0000-4000-8000-0000000000b1', 'pgb.' || :client_id || '.' || :n || '@bench.example', 'ext-' || :n, 'Bench User ' || :n, true,
          ARRAY['pgb.' || :client_id || '.' || :n || '@bench.example'],
          '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "userName": "pgb@bench.example", "externalId": "ext-pgb", "active": true, "displayName": "Bench User", "emails": [{"primary": true, "type": "work", "value": "pgb@bench.example"}], "name": {"formatted": "Bench User", "familyName": "User", "givenName": "Bench"}}')
  ON CONFLICT (tenant_id, lower(user_name)) WHERE deleted_at IS NULL DO NOTHING;
WITH inserted AS (
  INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource)
  VALUES ('00000000-0000-4000-8000-0000000000b1', 'user.created', 'User', gen_random_uuid()::text, 'ext-' || :n,
          '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "pgb@bench.example", "active": true, "displayName": "Bench User", "emails": [{"primary": true, "type": "work", "value": "pgb@bench.example"}], "meta": {"resourceType": "User", "version": "W/\"1\""}}')
  RETURNING tenant_id)
SELECT pg_notify('provisio_pgbench', tenant_id::text) FROM inserted;
INSERT INTO audit_events (tenant_id, id, action, outcome, status, scim_type, resource_type, resource_id, resource_name,
  external_id, actor, request_id, client_ip, user_agent, summary, suppressed, changes)
VALUES ('00000000-0000-4000-8000-0000000000b1', gen_random_uuid(), 'user.created', 'success', NULL, NULL, 'User', gen_random_uuid()::text, 'pgb.' || :n || '@bench.example',
  'ext-' || :n, '{"type": "token", "tokenId": "14b62685-ac9c-4c37-bc0f-24d25f3b327e", "tokenKind": "static", "tokenPrefix": "scim_9m1zSINI"}'::jsonb, gen_random_uuid()::text, '::ffff:127.0.0.1', 'undici', NULL, 0, '[{"op": "add", "path": "active", "after": true}, {"op": "add", "path": "displayName", "after": "Bench User 1"}, {"op": "add", "path": "emails[value eq \"a@bench.example\" and type eq \"work\"]", "after": {"type": "work", "value": "a@bench.example", "primary": true}}, {"op": "add", "path": "externalId", "after": "ext-a@bench.example"}, {"op": "add", "path": "id", "after": "bcc80b14-5d79-4046-8235-c4e5296d73be"}, {"op": "add", "path": "name.familyName", "after": "User 1"}, {"op": "add", "path": "name.formatted", "after": "Bench User 1"}, {"op": "add", "path": "name.givenName", "after": "Bench"}, {"op": "add", "path": "schemas", "after": "urn:ietf:params:scim:schemas:core:2.0:User"}, {"op": "add", "path": "userName", "after": "a@bench.example"}]'::jsonb);
COMMIT;
