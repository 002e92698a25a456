#!/usr/bin/env bash
# What OpenTelemetry costs the sync scenario: three API processes side by side, each on its own database —
# OTEL_SDK_DISABLED=true (off), metrics only (the default; scraped every 5 s), and metrics + traces exported at full
# sampling to a local OTLP sink — run alternately (off, metrics, tracing, twice) so background load hits all three.
# Needs `npm run build`, Postgres and Redis on 127.0.0.1. Names and ports are configurable, so it can run beside
# other benches on a shared machine:
#
#   bash bench/telemetry-cost.sh                     # 3000 users per run, at most 45 s each
#   USERS=1000 MAX_SECONDS=20 bash bench/telemetry-cost.sh
#
# Prints users/s and API CPU per synced user for every run; docs/benchmarks.md#telemetry-cost has the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

PG=${PG:-postgres://postgres@127.0.0.1:5432}
PREFIX=${PREFIX:-otelbench}
BASE_PORT=${BASE_PORT:-3610}
USERS=${USERS:-3000}
MAX_SECONDS=${MAX_SECONDS:-45}
ROUNDS=${ROUNDS:-2}
OUT=${OUT:-/tmp/$PREFIX-$(date -u +%Y%m%dT%H%M%S)}
export ADMIN_TOKEN=${ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export LOG_LEVEL=warn BENCH_RESULTS_DIR="$OUT/results"
MODES=(off metrics tracing)
SINK_PORT=$((BASE_PORT + 3))
mkdir -p "$OUT"
STARTED=()

cleanup() {
  for pid in "${STARTED[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for mode in "${MODES[@]}"; do
    dropdb -h 127.0.0.1 -U postgres --if-exists "${PREFIX}_$mode" || true
    redis-cli -u "$REDIS_URL" --scan --pattern "${PREFIX}_$mode:*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null || true
  done
}
trap cleanup EXIT

node dist/bench/telemetry/otlp-sink.js "$SINK_PORT" >"$OUT/sink.log" 2>&1 &
STARTED+=($!)

for i in "${!MODES[@]}"; do
  mode=${MODES[$i]} port=$((BASE_PORT + i))
  createdb -h 127.0.0.1 -U postgres "${PREFIX}_$mode"
  case $mode in
    off) extra=(OTEL_SDK_DISABLED=true) ;;
    metrics) extra=() ;;
    tracing) extra=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT") ;;
  esac
  env DATABASE_URL="$PG/${PREFIX}_$mode" PORT=$port QUEUE_PREFIX="${PREFIX}_$mode" "${extra[@]}" node dist/apps/api/main.js >"$OUT/api-$mode.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
  echo "api ($mode) on :$port"
done

# Prometheus' part of the cost: a scrape every 5 s of the two processes that have metrics.
( while true; do
    for port in $((BASE_PORT + 1)) $((BASE_PORT + 2)); do
      curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$port/metrics" || true
    done
    sleep 5
  done ) &
STARTED+=($!)

echo "== telemetry cost: sync, $USERS users, at most ${MAX_SECONDS}s per run, $ROUNDS rounds; node $(node -v), nproc $(nproc)"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!MODES[@]}"; do
    mode=${MODES[$i]} port=$((BASE_PORT + i))
    echo "-- $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)  $mode round $round"
    DATABASE_URL="$PG/${PREFIX}_$mode" node dist/bench/run.js sync --users "$USERS" --base-url "http://127.0.0.1:$port" \
      --max-seconds "$MAX_SECONDS" --label "telemetry-$mode-$round" >"$OUT/$mode-$round.txt" 2>&1 || echo "!! $mode round $round failed"
    grep -E 'usersPerSecond|apiCpuMsPerUser' "$OUT/$mode-$round.txt" || tail -5 "$OUT/$mode-$round.txt"
  done
done
echo "-- $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)  results in $OUT"

# Means over the rounds, and each mode against off.
figure() { grep -ho "$1=[0-9.]*" "$OUT/$2"-*.txt | cut -d= -f2 | awk '{ s += $1; n++ } END { if (n) printf "%.2f", s / n; else print "nan" }'; }
off_rate=$(figure usersPerSecond off) off_cpu=$(figure apiCpuMsPerUser off)
echo "== mode      users/s  vs off   API CPU ms/user  vs off"
for mode in "${MODES[@]}"; do
  rate=$(figure usersPerSecond "$mode") cpu=$(figure apiCpuMsPerUser "$mode")
  awk -v m="$mode" -v r="$rate" -v c="$cpu" -v r0="$off_rate" -v c0="$off_cpu" \
    'BEGIN { printf "   %-8s %8.1f  %+6.1f %%  %15.3f  %+6.1f %%\n", m, r, (r / r0 - 1) * 100, c, (c / c0 - 1) * 100 }'
done
