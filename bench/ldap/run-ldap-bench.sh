#!/usr/bin/env bash
# The LDAP connector figures of docs/benchmarks.md: a database, queue prefix and API port of their own, a
# throwaway slapd (bench/ldap/throwaway-slapd.ts), one API and one worker; everything is stopped and dropped
# at the end. Needs `npm run build`, Postgres and Redis on 127.0.0.1 (trust auth) and Debian's slapd.
#
#   bash bench/ldap/run-ldap-bench.sh                                   # 10,000 users, 100 groups, 2,000 events
#   LDAP_BENCH_USERS=1000 LDAP_BENCH_EVENTS=300 bash bench/ldap/run-ldap-bench.sh   # a quick smoke run
#   LDAP_BENCH_PHASES=batch,events bash bench/ldap/run-ldap-bench.sh                # some phases only (resync, batch, events)
set -euo pipefail
cd "$(dirname "$0")/../.."

PG=${PG:-postgres://postgres@127.0.0.1:5432}
PREFIX=${PREFIX:-ldapbench}
DB=${PREFIX}_$(date -u +%s)
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export QUEUE_PREFIX=$PREFIX
export ADMIN_TOKEN=${ADMIN_TOKEN:-ldap-bench-admin-token-0123456789}
export OUTBOUND_ALLOWED_HOSTS=127.0.0.1
export LOG_LEVEL=${LOG_LEVEL:-warn}

cleanup() {
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB" || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$PREFIX:*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null || true
}
trap cleanup EXIT

createdb -h 127.0.0.1 -U postgres "$DB"
DATABASE_URL="$PG/$DB" node dist/scripts/migrate.js >/dev/null
DATABASE_URL="$PG/$DB" node dist/bench/ldap/ldap-bench.js
