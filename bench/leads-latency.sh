#!/usr/bin/env bash
# Event-to-CRM latency under a steady background load, on loopback only.
#
# Builds the silo and `pql` in Release, starts a fake HubSpot (bench/leads_latency.py), then one silo in
# Memory mode whose HubSpot connector points at it, drives `pql load --rate RATE --progress` for the whole
# run and injects qualifying users (billing visit + one invite) at known send times. Probes run from the
# load's start until the load is steady (its accepted events/s, no new background leads, no background
# tasks for --steady-window s; the surge of background leads is reported on its own line), then LEADS more
# probes measure the steady phase. Reports send -> HubSpot task request latency p50/p90/p99 per phase.
# --trace FILE records a dotnet-trace CPU sample of the silo for the first --trace-seconds of the load
# (the surge) and prints its hottest methods. Everything it starts, it stops.
#
# Usage: bench/leads-latency.sh [--rate 10000] [--leads 40] [--interval 0.5] [--steady-window 5]
#        [--steady-timeout 180] [--user-settle 00:00:01] [--account-settle 00:00:02] [--no-build]
#        [--trace FILE] [--trace-seconds 25]
set -euo pipefail

rate=10000 leads=40 interval=0.5 steady_window=5 steady_timeout=180 user_settle=00:00:01 account_settle=00:00:02 build=1
trace="" trace_seconds=25
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --leads) leads=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --steady-window) steady_window=$2; shift 2 ;;
    --steady-timeout) steady_timeout=$2; shift 2 ;;
    --trace) trace=$2; shift 2 ;;
    --trace-seconds) trace_seconds=$2; shift 2 ;;
    --user-settle) user_settle=$2; shift 2 ;;
    --account-settle) account_settle=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port=$(free_port) hubspot_port=$(free_port) silo_port=$(free_port) gateway_port=$(free_port)

if [[ $build == 1 ]]; then
  dotnet build -c Release -v q --nologo "$root/src/PqlGrains.Silo" >/dev/null
  dotnet build -c Release -v q --nologo "$root/src/PqlGrains.Cli" >/dev/null
fi
silo_dll=$(ls "$root"/src/PqlGrains.Silo/bin/Release/net*/PqlGrains.Silo.dll | head -n 1)
pql_dll=$(ls "$root"/src/PqlGrains.Cli/bin/Release/net*/pql.dll | head -n 1)

# The fake HubSpot listens before the silo starts, so no background task ever meets a closed port.
python3 "$root/bench/leads_latency.py" --port "$hubspot_port" --gateway "http://127.0.0.1:$http_port" \
  --progress "$work/progress.txt" --silo-pid-file "$work/silo.pid" --rate "$rate" \
  --leads "$leads" --interval "$interval" --steady-window "$steady_window" --steady-timeout "$steady_timeout" \
  >"$work/probe.txt" 2>&1 &
probe_pid=$!
pids+=($probe_pid)
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$hubspot_port") 2>/dev/null && break
  sleep 0.1
done

Pql__Storage=Memory Pql__Routing__Path="$root/bench/leads-routing.yaml" \
Pql__Cluster__SiloPort=$silo_port Pql__Cluster__GatewayPort=$gateway_port \
Pql__Crm__HubSpot__BaseUrl=http://127.0.0.1:$hubspot_port/ Pql__Crm__HubSpot__AccessToken=bench-token \
Pql__Users__SettleDelay=$user_settle Pql__Accounts__SettleDelay=$account_settle \
Logging__LogLevel__Default=Warning \
  dotnet "$silo_dll" --urls "http://127.0.0.1:$http_port" >"$work/silo.log" 2>&1 &
silo_pid=$!
pids+=($silo_pid)
echo "$silo_pid" >"$work/silo.pid"

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null || { echo "silo did not become ready; log:" >&2; tail -n 40 "$work/silo.log" >&2; exit 1; }

# Long enough for the slowest steady detection, every probe and the grace period; stopped (SIGTERM, which
# still prints the report) once the probe is done.
load_seconds=$(python3 -c "import math; print(int(math.ceil($steady_timeout + $leads * $interval + 120)))")
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
dotnet "$pql_dll" load --url "http://127.0.0.1:$http_port" --rate "$rate" --duration "$load_seconds" --progress \
  >"$work/load.txt" 2>"$work/progress.txt" &
load_pid=$!
pids+=($load_pid)
trace_pid=""
if [[ -n $trace ]]; then
  dotnet_trace=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
  "$dotnet_trace" collect -p "$silo_pid" --profile dotnet-sampled-thread-time -o "$trace" \
    --duration "00:00:00:$(printf "%02d" "$trace_seconds")" >/dev/null 2>&1 &
  trace_pid=$!
fi

status=0
wait "$probe_pid" || status=$?
cat "$work/probe.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $status != 0 ]]; then
  echo "silo log (last 30 lines):"; tail -n 30 "$work/silo.log"
  probe_account=$(grep -o 'a-probe-[0-9a-f]*' "$work/probe.txt" | head -n 1 || true)
  if [[ -n $probe_account ]]; then
    echo "first probe's lead:"; curl -s -H "Authorization: Bearer dev-admin-token" "http://127.0.0.1:$http_port/api/leads/account:$probe_account~1"; echo
    echo "first probe's account:"; curl -s -H "Authorization: Bearer dev-admin-token" "http://127.0.0.1:$http_port/api/accounts/$probe_account"; echo
  fi
fi
kill -TERM "$load_pid" 2>/dev/null || true
wait "$load_pid" || true
echo "background load (pql load --rate $rate, stopped after the probes):"
cat "$work/load.txt"
grep -v '^progress ' "$work/progress.txt" || true
if [[ -n $trace_pid ]]; then
  wait "$trace_pid" || true
  "$dotnet_trace" report "$trace" topN -n 40 --inclusive 2>/dev/null | head -60 || true
fi
exit "$status"
