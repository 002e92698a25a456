-- One user per transaction, nothing else: concurrent commits share WAL flushes (group commit).
BEGIN;
INSERT INTO pgb_users (tenant_id, user_name, resource)
  VALUES ('00000000-0000-4000-8000-000000000001', md5(random()::text) || :client_id, '{"userName": "x"}');
COMMIT;
