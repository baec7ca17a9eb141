#!/usr/bin/env bash
# End-to-end ingest benchmark: starts a Release silo (embedded, or PostgreSQL mode on a
# throwaway server), drives it with `pql load` over loopback, and prints events/s accepted,
# ack latency, CPU time per event (silo and load generator) and managed heap per active user.
#
#   bench/load.sh [memory|postgres]
#
# Tunables (environment): DURATION (s, 20), USERS (10000), BATCH (100), CONCURRENCY (16),
# RATE (0 = as fast as acknowledged), MEMORY_USERS (20000; 0 skips the memory phase; HEAP_RETAINED=1 also
# splits its heap by owner per newly active user, by ClrMD: minutes under load; GRAIN_RESIDENT (1; 0 skips it)
# prints what one active user grain keeps resident: its activation, grain object and state, and its share of
# Orleans' activation tables, by ClrMD; GRAIN_RESIDENT_DETAIL=1 adds its split by type; PostgreSQL mode on a
# loaded machine needs MEMORY_SETTLE=60 or so, or users are still being fed when the heap is read),
# WARMUP (s of untimed load before the measured run, 5), MEMORY_SETTLE (s to wait before the second heap reading, 10), BUILD (1; 0 reuses the Release build),
# The silo's /metrics is scraped before and after the measured run for host-independent costs: bytes allocated,
# GC pause share and grain calls per accepted event (METRICS_PATH if Pql:Metrics:Path is not the default).
# TRACE (a file name: records a dotnet-trace CPU sample of the silo during the measured run and
# prints its hottest methods; needs `dotnet tool install -g dotnet-trace`).
# PG_STATS (postgres mode, 0; 1 loads pg_stat_statements into the throwaway server and prints,
# for the measured run, PostgreSQL's CPU per event, commits/s, WAL flushes/s and the costliest
# statements: where the database's share of the time goes).
set -euo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"

MODE="${1:-memory}"
DURATION="${DURATION:-20}"
USERS="${USERS:-10000}"
BATCH="${BATCH:-100}"
CONCURRENCY="${CONCURRENCY:-16}"
RATE="${RATE:-0}"
MEMORY_USERS="${MEMORY_USERS:-20000}"
BUILD="${BUILD:-1}"

case "$MODE" in
  memory|postgres) ;;
  *) echo "usage: bench/load.sh [memory|postgres] (got '$MODE')" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SILO_DLL="$ROOT/src/PqlGrains.Silo/bin/Release/net10.0/PqlGrains.Silo.dll"
PQL_DLL="$ROOT/src/PqlGrains.Cli/bin/Release/net10.0/pql.dll"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pql-bench-XXXXXX")"
SILO_PID=""
PG_DATA=""
PG_CTL=""

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  if [ -n "$SILO_PID" ] && kill -0 "$SILO_PID" 2>/dev/null; then
    kill "$SILO_PID"; wait "$SILO_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_CTL" stop -D "$PG_DATA" -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# utime + stime of a process in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# utime + stime of the throwaway PostgreSQL server: the postmaster and its backends.
pg_ticks() {
  local postmaster
  postmaster="$(head -1 "$PG_DATA/postmaster.pid")"
  { cat "/proc/$postmaster/stat"; for child in $(pgrep -P "$postmaster"); do cat "/proc/$child/stat" 2>/dev/null || true; done; } |
    awk '{ t += $14 + $15 } END { print t }'
}

pg_counters() {
  "${PSQL[@]}" -F ' ' -c "SELECT (SELECT sum(xact_commit) FROM pg_stat_database), wal_sync, wal_write, wal_records, wal_bytes, wal_sync_time FROM pg_stat_wal"
}

if [ "$BUILD" = 1 ]; then
  dotnet build -c Release "$ROOT/src/PqlGrains.Silo" -v q -nologo >/dev/null
  dotnet build -c Release "$ROOT/src/PqlGrains.Cli" -v q -nologo >/dev/null
  [ "${GRAIN_RESIDENT:-1}" = 1 ] && [ "$MEMORY_USERS" -gt 0 ] && dotnet build -c Release "$ROOT/bench/PqlGrains.HeapRetained" -v q -nologo >/dev/null
fi
HEAP_RETAINED_DLL="$ROOT/bench/PqlGrains.HeapRetained/bin/Release/net10.0/PqlGrains.HeapRetained.dll"
[ -f "$SILO_DLL" ] && [ -f "$PQL_DLL" ] || { echo "Release build missing: run with BUILD=1" >&2; exit 1; }

export Pql__Storage=Memory
if [ "$MODE" = postgres ]; then
  PG_BIN="$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  PG_CTL="$PG_BIN/pg_ctl"
  PG_PORT="$(free_port)"
  PG_DATA="$WORK/pg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK"
  PG_USER="$( [ "$(id -u)" = 0 ] && echo postgres || id -un )"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" -A trust -E UTF8 --no-locale --no-sync >/dev/null
  # Durable settings (fsync and synchronous_commit stay on): a 2xx must mean the event is on disk.
  # max_wal_size as an operator would size it for this write rate (README, Operations -> PostgreSQL connections):
  # at 0.5-1.5 KB of WAL per event the default 1 GB forces a checkpoint every 20-70 s at 30K events/s.
  PG_EXTRA=""
  [ "${PG_STATS:-0}" = 1 ] && PG_EXTRA="-c shared_preload_libraries=pg_stat_statements -c track_wal_io_timing=on"
  as_postgres "$PG_CTL" start -D "$PG_DATA" -w -t 60 -l "$WORK/pg.log" \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=8GB $PG_EXTRA" >/dev/null
  PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres)
  [ "${PG_STATS:-0}" = 1 ] && "${PSQL[@]}" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
  export Pql__Storage=Postgres
  export ConnectionStrings__Pql="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Database=postgres;Maximum Pool Size=50"
  export Pql__Database__MigrateOnStart=true
fi

HTTP_PORT="$(free_port)"
export Pql__Cluster__SiloPort="$(free_port)"
export Pql__Cluster__GatewayPort="$(free_port)"
URL="http://127.0.0.1:$HTTP_PORT"
dotnet "$SILO_DLL" --urls "$URL" >"$WORK/silo.log" 2>&1 &
SILO_PID=$!

for _ in $(seq 1 120); do
  curl -fs "$URL/readyz" >/dev/null 2>&1 && break
  kill -0 "$SILO_PID" 2>/dev/null || { cat "$WORK/silo.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$URL/readyz" >/dev/null || { echo "silo not ready after 120 s" >&2; tail -50 "$WORK/silo.log" >&2; exit 1; }

# The silo's Prometheus scrape, or nothing when metrics are off (Pql:Metrics:Enabled=false).
scrape_metrics() {
  curl -fs "$URL${METRICS_PATH:-/metrics}" || true
}

# Sum of a series' samples in a scrape file: metric_sum FILE NAME [REGEX the sample's labels must match].
metric_sum() {
  awk -v name="$2" -v filter="${3:-}" '$1 !~ /^#/ {
      series = $1; sub(/\{.*/, "", series)
      if (series == name && (filter == "" || $1 ~ filter)) total += $NF
    } END { printf "%.6f\n", total }' "$1"
}

memory_report() {
  curl -fs -H "Authorization: Bearer ${ADMIN_TOKEN:-dev-admin-token}" "$URL/api/admin/memory"
}

echo "== mode $MODE, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), Pql:Ingest:Partitions ${Pql__Ingest__Partitions:-default}, $USERS users"

if [ "$MEMORY_USERS" -gt 0 ]; then
  # A fresh silo warmed on 100 users, then about two events per user for MEMORY_USERS users:
  # the heap delta over the new user activations is what an active user costs. In memory
  # mode it includes the in-memory event log's copy of those events.
  dotnet "$PQL_DLL" load --url "$URL" --duration 2 --rate 2000 --users 100 --batch "$BATCH" >/dev/null
  sleep 3
  BEFORE="$(memory_report)"
  dotnet "$PQL_DLL" load --url "$URL" --duration 4 --rate $((MEMORY_USERS / 2)) --users "$MEMORY_USERS" --batch "$BATCH" \
    --concurrency 4 >/dev/null
  # Past the user and account settle windows, so the figure is the steady state of an idle active user.
  sleep "${MEMORY_SETTLE:-10}"
  AFTER="$(memory_report)"
  jq -n --argjson b "$BEFORE" --argjson a "$AFTER" -r '
    def users(r): [r.activations | to_entries[] | select(.key | test("user"; "i")) | .value] | add // 0;
    (users($a) - users($b)) as $n
    | "active user grains \(users($b)) -> \(users($a)); managed heap \($b.managedHeapBytes) -> \($a.managedHeapBytes) bytes; " +
      "per newly active user (incl. its share of account grains): \(if $n > 0 then (($a.managedHeapBytes - $b.managedHeapBytes) / $n | floor) else "n/a" end) bytes; " +
      "resident \($b.workingSetBytes) -> \($a.workingSetBytes) bytes"'
  if [ "${GRAIN_RESIDENT:-1}" = 1 ] && [ ! -f "$HEAP_RETAINED_DLL" ]; then
    echo "resident per user grain: skipped, bench/PqlGrains.HeapRetained is not built (run with BUILD=1 once, or GRAIN_RESIDENT=0)"
  elif [ "${GRAIN_RESIDENT:-1}" = 1 ]; then
    # The target's figure: one user grain's activation (Orleans' ActivationData, DI scope, message loop), grain
    # object and state, plus its share of the silo-wide activation tables. Not included: the event log, grain
    # storage's copies (memory mode), accounts, leads and outboxes, which the inclusive figure above counts.
    dotnet "$HEAP_RETAINED_DLL" "$SILO_PID" --grain PqlGrains.Grains.Users.UserGrain --tables \
      Orleans.Runtime.ActivationDirectory,Orleans.Runtime.ActivationWorkingSet,Orleans.Runtime.ActivationCollector,Orleans.Runtime.GrainDirectory.GrainDirectoryPartition,Orleans.Runtime.GrainDirectory.LocalGrainDirectoryPartition,Orleans.Runtime.GrainDirectory.LruGrainDirectoryCache \
      >"$WORK/grain-resident.txt"
    if [ -n "${GRAIN_RESIDENT_DETAIL:-}" ]; then cat "$WORK/grain-resident.txt"; else grep '^resident per ' "$WORK/grain-resident.txt"; fi
  fi
  if [ "${HEAP_RETAINED:-0}" = 1 ]; then
    # The same heap split by owner: bytes that would be freed if that owner's objects went away. Orleans' own
    # per-activation data (catalog, directory, message loop) is what the owners below do not account for.
    NEW_USERS="$(jq -n --argjson b "$BEFORE" --argjson a "$AFTER" '[$a, $b] | map([.activations | to_entries[] | select(.key | test("user"; "i")) | .value] | add // 0) | .[0] - .[1]')"
    dotnet run -c Release --project "$ROOT/bench/PqlGrains.HeapRetained" -v q -- "$SILO_PID" \
      PqlGrains.Grains.Users.UserGrain 'Orleans.Runtime.PersistentState<PqlGrains.Grains.Users.UserCheckpoint>,PqlGrains.Grains.Storage.LeanPersistentState<PqlGrains.Grains.Users.UserCheckpoint>' \
      PqlGrains.Grains.Ingest.InMemoryEventLog Orleans.Storage.MemoryStorageGrain \
      'PqlGrains.Grains.Accounts.AccountGrain,Orleans.Runtime.PersistentState<PqlGrains.Grains.Accounts.AccountCheckpoint>' \
      'PqlGrains.Grains.Leads.LeadGrain,PqlGrains.Grains.Delivery.LeadOutboxGrain,Orleans.Runtime.PersistentState<PqlGrains.Grains.Leads.LeadState>,Orleans.Runtime.PersistentState<PqlGrains.Grains.Delivery.OutboxState>' \
      Orleans.Runtime.ActivationData >"$WORK/retained.txt"
    awk -v n="$NEW_USERS" '/ instances retain / { printf "retained per newly active user: %7.0f B  %s\n", $(NF-1) / n, $1 }' "$WORK/retained.txt"
  fi
fi

# Warm-up: JIT, connection pools and partition activations, outside the measurement.
dotnet "$PQL_DLL" load --url "$URL" --duration "${WARMUP:-5}" --users "$USERS" --batch "$BATCH" --concurrency "$CONCURRENCY" >/dev/null || echo "warm-up load failed (see above); measuring anyway"

if [ "${PG_STATS:-0}" = 1 ]; then
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_state_writes;
    CREATE TABLE bench_state_writes AS SELECT GrainTypeString AS grain_type, sum(Version) AS writes FROM OrleansStorage GROUP BY 1" >/dev/null
  PG_BEFORE="$(pg_ticks)"; PG_COUNTERS_BEFORE="$(pg_counters)"
fi
scrape_metrics >"$WORK/metrics-before.txt"
METRICS_BEFORE_AT="$(date +%s.%N)"
SILO_BEFORE="$(cpu_ticks "$SILO_PID")"
dotnet "$PQL_DLL" load --url "$URL" --duration "$DURATION" --users "$USERS" --batch "$BATCH" \
  --concurrency "$CONCURRENCY" --rate "$RATE" >"$WORK/load.txt" &
LOAD_PID=$!
TRACE_PID=""
if [ -n "${TRACE:-}" ]; then
  dotnet-trace collect -p "$SILO_PID" --profile dotnet-sampled-thread-time -o "$TRACE" --duration "00:00:00:$(printf "%02d" $((DURATION > 5 ? DURATION - 2 : DURATION)))" >/dev/null 2>&1 &
  TRACE_PID=$!
fi
LOAD_TICKS=0
while kill -0 "$LOAD_PID" 2>/dev/null; do
  LOAD_TICKS="$(cpu_ticks "$LOAD_PID" 2>/dev/null || echo "$LOAD_TICKS")"
  sleep 0.2
done
wait "$LOAD_PID"
SILO_AFTER="$(cpu_ticks "$SILO_PID")"
scrape_metrics >"$WORK/metrics-after.txt"
METRICS_AFTER_AT="$(date +%s.%N)"
if [ "${PG_STATS:-0}" = 1 ]; then PG_AFTER="$(pg_ticks)"; PG_COUNTERS_AFTER="$(pg_counters)"; fi
cat "$WORK/load.txt"
if [ -n "$TRACE_PID" ]; then
  wait "$TRACE_PID" || true
  dotnet-trace report "$TRACE" topN -n 40 --inclusive 2>/dev/null | head -60 || true
fi

ACCEPTED="$(sed -n 's/.*(\([0-9,]*\) events).*/\1/p' "$WORK/load.txt" | tr -d ,)"
HZ="$(getconf CLK_TCK)"
awk -v s=$((SILO_AFTER - SILO_BEFORE)) -v l="$LOAD_TICKS" -v n="$ACCEPTED" -v hz="$HZ" 'BEGIN {
  printf "cpu per accepted event: silo %.1f us, load generator %.1f us\n", s / hz * 1e6 / n, l / hz * 1e6 / n }'
if [ "${PG_STATS:-0}" = 1 ]; then
  read -r C0 S0 W0 R0 B0 T0 <<<"$PG_COUNTERS_BEFORE"
  read -r C1 S1 W1 R1 B1 T1 <<<"$PG_COUNTERS_AFTER"
  awk -v p=$((PG_AFTER - PG_BEFORE)) -v n="$ACCEPTED" -v hz="$HZ" -v d="$DURATION" \
    -v c=$((C1 - C0)) -v s=$((S1 - S0)) -v w=$((W1 - W0)) -v r=$((R1 - R0)) -v b="$B0" -v b1="$B1" -v t0="$T0" -v t1="$T1" 'BEGIN {
    printf "postgres: %.1f us CPU per event; %.0f commits/s, %.0f WAL flushes/s (%.2f ms each), %.0f WAL writes/s, %.0f WAL records and %.0f WAL bytes per event\n",
      p / hz * 1e6 / n, c / d, s / d, (s > 0 ? (t1 - t0) / s : 0), w / d, r / n, (b1 - b) / n }'
  echo "grain state writes during the run (grain type, writes, per 1000 events, mean state bytes):"
  "${PSQL[@]}" -F ' | ' -c "SELECT s.GrainTypeString, sum(s.Version) - COALESCE(max(b.writes), 0) AS w, round((sum(s.Version) - COALESCE(max(b.writes), 0)) * 1000.0 / $ACCEPTED, 2), round(avg(octet_length(s.PayloadBinary)))
    FROM OrleansStorage s LEFT JOIN bench_state_writes b ON b.grain_type = s.GrainTypeString GROUP BY s.GrainTypeString ORDER BY w DESC LIMIT 12"
  echo "statements (calls, rows, total ms, mean ms):"
  "${PSQL[@]}" -F ' | ' -c "SELECT calls, rows, round(total_exec_time)::bigint, round(mean_exec_time::numeric, 3), regexp_replace(left(query, 110), '\s+', ' ', 'g')
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
fi
if [ -s "$WORK/metrics-before.txt" ] && [ -s "$WORK/metrics-after.txt" ]; then
  # Deltas over the same window as the CPU line; counts, not times, so they hold on a busy host too.
  delta() { awk -v a="$(metric_sum "$WORK/metrics-after.txt" "$@")" -v b="$(metric_sum "$WORK/metrics-before.txt" "$@")" 'BEGIN { printf "%.6f", a - b }'; }
  awk -v n="$(delta pql_gateway_events_accepted_total)" -v bytes="$(delta dotnet_gc_heap_total_allocated_bytes_total)" \
    -v pause="$(delta dotnet_gc_pause_time_seconds_total)" -v run="$(awk -v a="$METRICS_AFTER_AT" -v b="$METRICS_BEFORE_AT" 'BEGIN { print a - b }')" \
    -v g0="$(delta dotnet_gc_collections_total 'gen0')" -v g1="$(delta dotnet_gc_collections_total 'gen1')" -v g2="$(delta dotnet_gc_collections_total 'gen2')" \
    -v calls="$(delta pql_ingest_user_apply_calls_total)" -v carried="$(delta pql_ingest_user_apply_events_total)" \
    -v requests="$(delta orleans_messaging_processing_dispatcher_received_total 'Context="Grain".*Direction="Request"|Direction="Request".*Context="Grain"')" 'BEGIN {
    if (n <= 0) { print "metrics: no accepted events between the scrapes"; exit }
    printf "allocated per accepted event: %.0f bytes; GC pause: %.1f%% of the run (collections gen0 %d, gen1 %d, gen2 %d)\n", bytes / n, 100 * pause / run, g0, g1, g2
    printf "grain calls per accepted event: UserGrain.Apply %.3f (%.1f events per call); grain requests received by the Orleans dispatcher %.3f\n",
      calls / n, (calls > 0 ? carried / calls : 0), requests / n }'
  # Compiling is paid once per method, not per event: a run that starts soon after the load does still pays for
  # tier-1 recompilation of the hot path, which a long-running silo does not. The runtime times compilations by the
  # clock, summed over threads, so on a busy host the seconds include time other processes held the core.
  awk -v methods="$(delta dotnet_jit_compiled_methods_total)" -v jit="$(delta dotnet_jit_compilation_time_seconds_total)" 'BEGIN {
    printf "JIT during the run: %d methods compiled, %.2f s spent compiling (wall clock, summed over threads)\n", methods, jit }'
else
  echo "metrics: ${METRICS_PATH:-/metrics} not served (Pql:Metrics:Enabled=false?), so no allocation or grain-call lines"
fi
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

