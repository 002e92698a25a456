-- As insert-commit.sql plus pg_notify (libs/events outbox): PostgreSQL takes one cluster-wide lock in
-- PreCommit_Notify that is held through the commit, so notifying transactions commit one at a time.
BEGIN;
INSERT INTO pgb_users (tenant_id, user_name, resource)
  VALUES ('00000000-0000-4000-8000-000000000001', md5(random()::text) || :client_id, '{"userName": "x"}');
SELECT pg_notify('pgb_bench', 'x');
COMMIT;
