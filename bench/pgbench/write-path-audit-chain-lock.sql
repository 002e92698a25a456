-- BEFORE migrations/1765000000000 (kept for side-by-side figures): write-path-no-audit.sql plus the audit event as
-- libs/audit wrote it until then, with the chain-head upsert that takes the tenant's row lock until COMMIT and sha256
-- over the canonical content. The tenant's writers commit one at a time. Compare with write-path.sql (sealed after commit).
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
WITH clock AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS now),
head AS (
  INSERT INTO audit_chain_heads AS h (tenant_id, last_sequence, last_occurred_at, last_hash)
  SELECT '00000000-0000-4000-8000-0000000000b1'::uuid, 1, clock.now, sha256(convert_to(1::text || E'\n' || (extract(epoch FROM clock.now) * 1000)::bigint::text || E'\n' || '{"action":"user.created","actor":{"tokenId":"14b62685-ac9c-4c37-bc0f-24d25f3b327e","tokenKind":"static","tokenPrefix":"scim_9m1zSINI","type":"token"},"changes":[{"after":true,"op":"add","path":"active"},{"after":"Bench User 1","op":"add","path":"displayName"},{"after":{"primary":true,"type":"work","value":"a@bench.example"},"op":"add","path":"emails[value eq \"a@bench.example\" and type eq \"work\"]"},{"after":"ext-a@bench.example","op":"add","path":"externalId"},{"after":"bcc80b14-5d79-4046-8235-c4e5296d73be","op":"add","path":"id"},{"after":"User 1","op":"add","path":"name.familyName"},{"after":"Bench User 1","op":"add","path":"name.formatted"},{"after":"Bench","op":"add","path":"name.givenName"},{"after":"urn:ietf:params:scim:schemas:core:2.0:User","op":"add","path":"schemas"},{"after":"a@bench.example","op":"add","path":"userName"}],"clientIp":"::ffff:127.0.0.1","externalId":"ext-a@bench.example","id":"5d0e5a1e-0000-4000-8000-000000000000","outcome":"success","requestId":"f93909cd-aae9-4f16-87eb-ba2f03c8290f","resourceId":"bcc80b14-5d79-4046-8235-c4e5296d73be","resourceName":"a@bench.example","resourceType":"User","scimType":null,"status":null,"summary":null,"suppressed":0,"tenantId":"00000000-0000-4000-8000-0000000000b1","userAgent":"undici"}'::text::text, 'UTF8') || '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) FROM clock
  ON CONFLICT (tenant_id) DO UPDATE SET
    last_sequence = h.last_sequence + 1,
    last_occurred_at = GREATEST(EXCLUDED.last_occurred_at, h.last_occurred_at),
    last_hash = sha256(convert_to((h.last_sequence + 1)::text || E'\n' || (extract(epoch FROM GREATEST(EXCLUDED.last_occurred_at, h.last_occurred_at)) * 1000)::bigint::text || E'\n' || '{"action":"user.created","actor":{"tokenId":"14b62685-ac9c-4c37-bc0f-24d25f3b327e","tokenKind":"static","tokenPrefix":"scim_9m1zSINI","type":"token"},"changes":[{"after":true,"op":"add","path":"active"},{"after":"Bench User 1","op":"add","path":"displayName"},{"after":{"primary":true,"type":"work","value":"a@bench.example"},"op":"add","path":"emails[value eq \"a@bench.example\" and type eq \"work\"]"},{"after":"ext-a@bench.example","op":"add","path":"externalId"},{"after":"bcc80b14-5d79-4046-8235-c4e5296d73be","op":"add","path":"id"},{"after":"User 1","op":"add","path":"name.familyName"},{"after":"Bench User 1","op":"add","path":"name.formatted"},{"after":"Bench","op":"add","path":"name.givenName"},{"after":"urn:ietf:params:scim:schemas:core:2.0:User","op":"add","path":"schemas"},{"after":"a@bench.example","op":"add","path":"userName"}],"clientIp":"::ffff:127.0.0.1","externalId":"ext-a@bench.example","id":"5d0e5a1e-0000-4000-8000-000000000000","outcome":"success","requestId":"f93909cd-aae9-4f16-87eb-ba2f03c8290f","resourceId":"bcc80b14-5d79-4046-8235-c4e5296d73be","resourceName":"a@bench.example","resourceType":"User","scimType":null,"status":null,"summary":null,"suppressed":0,"tenantId":"00000000-0000-4000-8000-0000000000b1","userAgent":"undici"}'::text::text, 'UTF8') || h.last_hash)
  RETURNING last_sequence, last_occurred_at, last_hash
)
INSERT INTO audit_events (
  tenant_id, sequence, occurred_at, hash, id, action, outcome, status, scim_type, resource_type,
  resource_id, resource_name, external_id, actor, request_id, client_ip, user_agent, summary, suppressed, changes
)
SELECT '00000000-0000-4000-8000-0000000000b1'::uuid, head.last_sequence, head.last_occurred_at, head.last_hash,
  gen_random_uuid(), 'user.created', 'success', NULL::smallint, NULL, 'User', gen_random_uuid()::text, 'pgb.' || :n || '@bench.example', 'ext-' || :n, '{"type": "token", "tokenId": "14b62685-ac9c-4c37-bc0f-24d25f3b327e", "tokenKind": "static", "tokenPrefix": "scim_9m1zSINI"}'::jsonb, gen_random_uuid()::text, '::ffff:127.0.0.1', 'undici', NULL, 0, '[{"op": "add", "path": "active", "after": true}, {"op": "add", "path": "displayName", "after": "Bench User 1"}, {"op": "add", "path": "emails[value eq \"a@bench.example\" and type eq \"work\"]", "after": {"type": "work", "value": "a@bench.example", "primary": true}}, {"op": "add", "path": "externalId", "after": "ext-a@bench.example"}, {"op": "add", "path": "id", "after": "bcc80b14-5d79-4046-8235-c4e5296d73be"}, {"op": "add", "path": "name.familyName", "after": "User 1"}, {"op": "add", "path": "name.formatted", "after": "Bench User 1"}, {"op": "add", "path": "name.givenName", "after": "Bench"}, {"op": "add", "path": "schemas", "after": "urn:ietf:params:scim:schemas:core:2.0:User"}, {"op": "add", "path": "userName", "after": "a@bench.example"}]'::jsonb
FROM head;
COMMIT;
