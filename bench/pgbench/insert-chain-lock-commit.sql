-- As insert-commit.sql plus the audit chain head's row lock (libs/audit): held until COMMIT, so the
-- tenant's writers commit one after the other and every commit waits for its own WAL flush.
BEGIN;
INSERT INTO pgb_users (tenant_id, user_name, resource)
  VALUES ('00000000-0000-4000-8000-000000000001', md5(random()::text) || :client_id, '{"userName": "x"}');
UPDATE pgb_chain_heads SET last_sequence = last_sequence + 1 WHERE tenant_id = '00000000-0000-4000-8000-000000000001';
COMMIT;
