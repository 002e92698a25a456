-- RelayWake's coalesced after-commit signal: one NOTIFY of its own naming every tenant that committed meanwhile.
-- Run as one pgbench client at a fixed rate beside tenants-write.sql (e.g. -c 1 -R 200: far more often than a
-- busy API sends it, since commits that finish while one is in flight share the next).
SELECT pg_notify('provisio_pgbench', string_agg('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'), ',')) FROM generate_series(1, 16) n;
