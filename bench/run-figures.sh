#!/usr/bin/env bash
# Takes every figure of docs/benchmarks.md in one go: creates its own databases, starts the API, the API
# without audit (bench/audit), the bare baseline server and (inside the events scenario) one worker, runs
# every scenario with a time bound, profiles the sync scenario, then stops what it started and drops its
# databases. Needs `npm run build`, Postgres and Redis on 127.0.0.1 (trust auth), pgbench and psql.
#
#   bash bench/run-figures.sh                 # full size
#   SMALL=1 bash bench/run-figures.sh         # a quick smoke run at small sizes
#
# Output: one JSON per bench run under bench/results/, and a log with every table under $OUT (default
# /tmp/provisio-bench-<time>). The machine is shared: look at the load printed before each step.
set -euo pipefail
cd "$(dirname "$0")/.."

PG=${PG:-postgres://postgres@127.0.0.1:5432}
STAMP=$(date -u +%Y%m%dT%H%M%S)
OUT=${OUT:-/tmp/provisio-bench-$STAMP}
PREFIX=${PREFIX:-pvbench}
MAX_SECONDS=${MAX_SECONDS:-90}
API_PORT=${API_PORT:-3210}
NOAUDIT_PORT=${NOAUDIT_PORT:-3211}
BASELINE_PORT=${BASELINE_PORT:-3212}
DB_API=${PREFIX}_api
DB_NOAUDIT=${PREFIX}_noaudit
DB_BASELINE=${PREFIX}_baseline
DB_PGBENCH=${PREFIX}_pgbench
export ADMIN_TOKEN=${ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export OUTBOUND_ALLOWED_HOSTS=127.0.0.1
export LOG_LEVEL=warn

if [[ -n "${SMALL:-}" ]]; then
  SIZES=(--users 500 --lookups 300 --small 1000 --large 5000 --patches 300 --paging-users 2000 --group-size 1000 --events 300 --light-events 60)
  PGBENCH_SECONDS=3
  WAIT_SECONDS=2
  export BENCH_RESULTS_DIR="$OUT/results"   # smoke runs stay out of the recorded results
else
  SIZES=(--users 5000 --lookups 5000 --small 5000 --large 100000 --patches 3000 --paging-users 100000 --group-size 10000 --events 3000 --light-events 300)
  PGBENCH_SECONDS=10
  WAIT_SECONDS=8
fi

mkdir -p "$OUT"
LOG="$OUT/figures.log"
STARTED=()

say() { echo "$*" | tee -a "$LOG"; }
load() { say "-- $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"; }

cleanup() {
  for pid in "${STARTED[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for db in "$DB_API" "$DB_NOAUDIT" "$DB_BASELINE" "$DB_PGBENCH"; do dropdb -h 127.0.0.1 -U postgres --if-exists "$db" || true; done
  for q in "$PREFIX" "${PREFIX}n"; do
    redis-cli -u "$REDIS_URL" --scan --pattern "$q:*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null || true
  done
}
trap cleanup EXIT

# start NAME PORT DB QUEUE_PREFIX -- command...: runs a server in the background, waits until it answers.
start() {
  local name=$1 port=$2 db=$3 queue=$4; shift 5
  DATABASE_URL="$PG/$db" PORT=$port QUEUE_PREFIX=$queue "$@" >"$OUT/$name.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then say "$name on :$port (pid $!)"; return; fi
    sleep 0.5
  done
  say "$name did not start:"; tail -20 "$OUT/$name.log"; exit 1
}

# bench DB PORT LABEL args...: one bounded bench run, its tables appended to the log.
bench() {
  local db=$1 port=$2 label=$3; shift 3
  load
  DATABASE_URL="$PG/$db" QUEUE_PREFIX=$PREFIX node dist/bench/run.js "$@" --base-url "http://127.0.0.1:$port" \
    --max-seconds "$MAX_SECONDS" --label "$label" 2>&1 | tee -a "$LOG" || say "!! bench $label failed (see above)"
}

say "== provisio figures $STAMP  node $(node -v)  $(psql --version)  nproc $(nproc)"
say "   $(lscpu | grep 'Model name' | sed 's/  */ /g')"
for db in "$DB_API" "$DB_NOAUDIT" "$DB_BASELINE" "$DB_PGBENCH"; do createdb -h 127.0.0.1 -U postgres "$db"; done

start api "$API_PORT" "$DB_API" "$PREFIX" -- node dist/apps/api/main.js
start api-without-audit "$NOAUDIT_PORT" "$DB_NOAUDIT" "${PREFIX}n" -- node dist/bench/audit/api-without-audit.js
start baseline "$BASELINE_PORT" "$DB_BASELINE" "$PREFIX" -- node dist/bench/baseline/bare-server.js

# Sync with and without audit, alternated (A B A B) so a change of background load hits both.
# In round 2 pg_stat_activity is sampled (20 queries/s, light) to see what the backends wait on.
WAITS_PID=
waits() {
  WAITS_PID=
  [[ $1 == 2 ]] || return 0
  node dist/bench/profile/sample-waits.js "$PG/$2" "$WAIT_SECONDS" 50 >"$OUT/waits-$2.txt" 2>&1 &
  WAITS_PID=$!
}
waited() { [[ -z $WAITS_PID ]] || wait "$WAITS_PID" || true; }
for round in 1 2; do
  waits "$round" "$DB_API"
  bench "$DB_API" "$API_PORT" "sync-audit-$round" sync "${SIZES[@]}"
  waited
  waits "$round" "$DB_NOAUDIT"
  bench "$DB_NOAUDIT" "$NOAUDIT_PORT" "sync-noaudit-$round" sync "${SIZES[@]}"
  waited
done
for db in "$DB_API" "$DB_NOAUDIT"; do say "== Postgres backends of $db during sync (round 2)"; cat "$OUT/waits-$db.txt" | tee -a "$LOG"; done
bench "$DB_BASELINE" "$BASELINE_PORT" baseline sync --baseline "${SIZES[@]}"

bench "$DB_API" "$API_PORT" scenarios lookups patch paging groups "${SIZES[@]}"
bench "$DB_API" "$API_PORT" events events "${SIZES[@]}" --worker-cpu-prof "$OUT/worker-prof"

# The audit event's database cost alone: the API's write transaction replayed by pgbench, with and without it.
DATABASE_URL="$PG/$DB_PGBENCH" node dist/scripts/migrate.js >>"$LOG" 2>&1
psql -q -h 127.0.0.1 -U postgres -d "$DB_PGBENCH" -f bench/pgbench/write-path-setup.sql
for round in 1 2; do
  for script in write-path-no-audit write-path; do
    load
    say "pgbench $script (32 clients, ${PGBENCH_SECONDS}s)"
    pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T "$PGBENCH_SECONDS" -f "bench/pgbench/$script.sql" "$DB_PGBENCH" 2>&1 \
      | grep -E 'tps|latency average|failed' | tee -a "$LOG"
  done
done

# Commit serialisation without application code: plain insert, + a row lock held to COMMIT, + pg_notify.
psql -q -h 127.0.0.1 -U postgres -d "$DB_PGBENCH" -f bench/pgbench/setup.sql
for script in insert-commit insert-chain-lock-commit insert-notify-commit; do
  load
  say "pgbench $script (32 clients, 5s)"
  pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T 5 -f "bench/pgbench/$script.sql" "$DB_PGBENCH" 2>&1 \
    | grep -E 'tps|latency average|failed' | tee -a "$LOG"
done

# Where the time goes: the API under --cpu-prof during a sync, then its summary.
kill -INT "${STARTED[0]}"; wait "${STARTED[0]}" 2>/dev/null || true
# It also counts the SQL statements it sends (bench/profile/count-queries.ts): round trips per synced user.
COUNT_QUERIES_FILE="$OUT/queries.json" start api-profiled "$API_PORT" "$DB_API" "$PREFIX" -- \
  node -r ./dist/bench/profile/count-queries.js --cpu-prof --cpu-prof-dir="$OUT/api-prof" dist/apps/api/main.js
PROFILED=${STARTED[-1]}
sleep 1.5; cp "$OUT/queries.json" "$OUT/queries-start.json"
bench "$DB_API" "$API_PORT" sync-profiled sync "${SIZES[@]}"
sleep 1.5
kill -INT "$PROFILED"; wait "$PROFILED" 2>/dev/null || true
say "== SQL statements sent by the API: at start-up, then in total after the profiled sync"
cat "$OUT/queries-start.json" "$OUT/queries.json" | grep -E '"total"|"(SELECT|INSERT|WITH|START|COMMIT|UPDATE|DELETE)' | head -30 | tee -a "$LOG"
# The API's profile from the first idle stretch (after start-up); the worker's whole (the second one is the backlog).
for profile in "$OUT"/api-prof/*.cpuprofile; do
  say "== API profile $profile (after start-up)"
  node dist/bench/profile/summarise-cpuprofile.js "$profile" 25 300 2>&1 | tee -a "$LOG"
done
for profile in "$OUT"/worker-prof/*.cpuprofile; do
  say "== worker profile $profile"
  node dist/bench/profile/summarise-cpuprofile.js "$profile" 25 2>&1 | tee -a "$LOG"
done
load
say "done: $LOG"
