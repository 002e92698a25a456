-- Minimal copy of the write path's shape, to measure commit serialisation without any application code.
DROP TABLE IF EXISTS pgb_users, pgb_chain_heads;
CREATE TABLE pgb_users (
  tenant_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), user_name text NOT NULL,
  resource jsonb NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE UNIQUE INDEX pgb_users_user_name_ci ON pgb_users (tenant_id, lower(user_name));
CREATE TABLE pgb_chain_heads (tenant_id uuid PRIMARY KEY, last_sequence bigint NOT NULL);
INSERT INTO pgb_chain_heads VALUES ('00000000-0000-4000-8000-000000000001', 0);
