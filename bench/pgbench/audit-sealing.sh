#!/usr/bin/env bash
# Side by side, one run: the API's write transaction (bench/pgbench/write-path*.sql, one tenant, 32 clients) with no
# audit event, with the audit event as written before migrations/1765000000000 (chain-head row lock held to COMMIT),
# and as written now (plain INSERT, sealed after commit by the worker's sealer running alongside). Each also without
# the outbox's pg_notify, which serialises commits cluster-wide on its own (issue #9 item 3), to isolate the audit part.
# Then how fast one sealer drains a backlog. Needs `npm run build`, Postgres on 127.0.0.1 (trust auth), pgbench, psql.
#   DB=waudit_pgbench SECONDS_PER_RUN=10 bench/pgbench/audit-sealing.sh
set -euo pipefail
DB=${DB:-audit_sealing_pgbench}
T=${SECONDS_PER_RUN:-10}
PG=postgres://postgres@127.0.0.1:5432
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; [[ -n ${SEALER:-} ]] && kill "$SEALER" 2>/dev/null || true' EXIT
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
DATABASE_URL="$PG/$DB" node dist/scripts/migrate.js >/dev/null
for s in write-path-no-audit write-path-audit-chain-lock write-path; do
  cp "bench/pgbench/$s.sql" "$TMP/$s.sql"
  sed 's/SELECT pg_notify([^)]*) FROM inserted;/SELECT 1 FROM inserted;/' "bench/pgbench/$s.sql" > "$TMP/$s-nonotify.sql"
done
fresh() { psql -q -h 127.0.0.1 -U postgres -d "$DB" -f bench/pgbench/write-path-teardown.sql -f bench/pgbench/write-path-setup.sql -c 'VACUUM ANALYZE'; }
run() {
  local script=$1
  fresh
  if [[ $script == write-path || $script == write-path-nonotify ]]; then
    DATABASE_URL="$PG/$DB" node dist/bench/audit/seal-while-loading.js > "$TMP/sealer.json" & SEALER=$!
    until grep -q ready "$TMP/sealer.json"; do sleep 0.2; done
  fi
  printf '%-36s load %s  ' "$script" "$(cut -d' ' -f1 /proc/loadavg)"
  pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T "$T" -f "$TMP/$script.sql" "$DB" 2>&1 \
    | awk '/^tps/ {tps=$3} /latency average/ {lat=$4} END {printf "tps %8.0f  latency avg %6.1f ms", tps, lat}'
  if [[ -n ${SEALER:-} ]]; then
    sleep 1; kill -INT "$SEALER"; wait "$SEALER" || true; SEALER=
    printf '  sealer %s' "$(tail -1 "$TMP/sealer.json")"
  fi
  echo
}
for round in 1 2; do
  echo "== round $round"
  for script in write-path-no-audit write-path-audit-chain-lock write-path \
                write-path-no-audit-nonotify write-path-audit-chain-lock-nonotify write-path-nonotify; do
    run "$script"
  done
done
echo "== backlog drain: $T s of write-path-nonotify with no sealer, then one sealer alone"
fresh
printf '%-36s load %s  ' "write-path-nonotify, no sealer" "$(cut -d' ' -f1 /proc/loadavg)"
pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T "$T" -f "$TMP/write-path-nonotify.sql" "$DB" 2>&1 \
  | awk '/^tps/ {tps=$3} /latency average/ {lat=$4} END {printf "tps %8.0f  latency avg %6.1f ms\n", tps, lat}'
printf 'load %s  ' "$(cut -d' ' -f1 /proc/loadavg)"
DATABASE_URL="$PG/$DB" node dist/bench/audit/seal-while-loading.js --drain | tail -1
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $DB"
