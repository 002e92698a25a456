#!/usr/bin/env bash
# The sync figures of issue #9 side by side in one run: the API (one tenant, then 8 tenants at once), the API
# without audit (bench/audit) and the bare baseline server, alternated over ROUNDS rounds so a change of background
# load hits all of them. Own databases (${PREFIX}_*), ports and queue prefix; stops what it started and drops its
# databases. Needs `npm run build`, Postgres and Redis on 127.0.0.1 (trust auth).
#
#   PREFIX=mysync API_PORT=3300 bash bench/sync-figures.sh
#   BEFORE_DIR=/tmp/old-checkout bash bench/sync-figures.sh   # also an older build (its dist/), benched in each round
#
# Output: one JSON per bench run under bench/results/ (or $BENCH_RESULTS_DIR), the log under $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

PG=${PG:-postgres://postgres@127.0.0.1:5432}
STAMP=$(date -u +%Y%m%dT%H%M%S)
OUT=${OUT:-/tmp/provisio-sync-$STAMP}
PREFIX=${PREFIX:-pvsync}
ROUNDS=${ROUNDS:-2}
USERS=${USERS:-5000}
MAX_SECONDS=${MAX_SECONDS:-60}
API_PORT=${API_PORT:-3220}
NOAUDIT_PORT=${NOAUDIT_PORT:-$((API_PORT + 1))}
BASELINE_PORT=${BASELINE_PORT:-$((API_PORT + 2))}
BEFORE_PORT=${BEFORE_PORT:-$((API_PORT + 3))}
BEFORE_DIR=${BEFORE_DIR:-}
export ADMIN_TOKEN=${ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export LOG_LEVEL=warn

mkdir -p "$OUT"
LOG="$OUT/sync.log"
STARTED=()
DBS=("${PREFIX}_api" "${PREFIX}_noaudit" "${PREFIX}_baseline")
[[ -z $BEFORE_DIR ]] || DBS+=("${PREFIX}_before")

say() { echo "$*" | tee -a "$LOG"; }

cleanup() {
  for pid in "${STARTED[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for db in "${DBS[@]}"; do dropdb -h 127.0.0.1 -U postgres --if-exists "$db" || true; done
  redis-cli -u "$REDIS_URL" --scan --pattern "$PREFIX:*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null || true
}
trap cleanup EXIT

start() {
  local name=$1 port=$2 db=$3; shift 4
  DATABASE_URL="$PG/$db" PORT=$port QUEUE_PREFIX=$PREFIX "$@" >"$OUT/$name.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then say "$name on :$port (pid $!)"; return; fi
    sleep 0.5
  done
  say "$name did not start:"; tail -20 "$OUT/$name.log"; exit 1
}

bench() {
  local db=$1 port=$2 label=$3; shift 3
  say "-- $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
  DATABASE_URL="$PG/$db" QUEUE_PREFIX=$PREFIX node dist/bench/run.js sync --users "$USERS" "$@" --base-url "http://127.0.0.1:$port" \
    --max-seconds "$MAX_SECONDS" --label "$label" 2>&1 | tee -a "$LOG" || say "!! bench $label failed (see above)"
}

say "== provisio sync figures $STAMP  node $(node -v)  nproc $(nproc)"
for db in "${DBS[@]}"; do createdb -h 127.0.0.1 -U postgres "$db"; done
start api "$API_PORT" "${PREFIX}_api" -- node dist/apps/api/main.js
start api-without-audit "$NOAUDIT_PORT" "${PREFIX}_noaudit" -- node dist/bench/audit/api-without-audit.js
start baseline "$BASELINE_PORT" "${PREFIX}_baseline" -- node dist/bench/baseline/bare-server.js
[[ -z $BEFORE_DIR ]] || start api-before "$BEFORE_PORT" "${PREFIX}_before" -- node "$BEFORE_DIR/dist/apps/api/main.js"

for round in $(seq 1 "$ROUNDS"); do
  bench "${PREFIX}_api" "$API_PORT" "sync-audit-$round"
  [[ -z $BEFORE_DIR ]] || bench "${PREFIX}_before" "$BEFORE_PORT" "sync-before-$round"
  bench "${PREFIX}_api" "$API_PORT" "sync-8-tenants-$round" --tenants 8
  bench "${PREFIX}_noaudit" "$NOAUDIT_PORT" "sync-noaudit-$round"
  bench "${PREFIX}_baseline" "$BASELINE_PORT" "sync-baseline-$round" --baseline
done
say "log: $LOG"
