#!/usr/bin/env bash
# Event-to-CRM latency under a steady background load, on loopback only.
#
# Builds the silo and `pql` in Release, starts one silo in Memory mode whose HubSpot connector
# points at a local fake (bench/leads_latency.py), drives `pql load --rate RATE` for the whole
# run, injects LEADS qualifying users (billing visit + one invite) at known send times and
# reports send -> HubSpot task request latency p50/p90/p99. Everything it starts, it stops.
#
# Usage: bench/leads-latency.sh [--rate 10000] [--leads 40] [--interval 0.5] [--warmup 10]
#        [--user-settle 00:00:01] [--account-settle 00:00:02] [--no-build]
set -euo pipefail

rate=10000 leads=40 interval=0.5 warmup=10 user_settle=00:00:01 account_settle=00:00:02 build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --leads) leads=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
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

# The probe's fake HubSpot is not up until the load has warmed up; early background tasks retry.
Pql__Storage=Memory Pql__Routing__Path="$root/bench/leads-routing.yaml" \
Pql__Cluster__SiloPort=$silo_port Pql__Cluster__GatewayPort=$gateway_port \
Pql__Crm__HubSpot__BaseUrl=http://127.0.0.1:$hubspot_port/ Pql__Crm__HubSpot__AccessToken=bench-token \
Pql__Users__SettleDelay=$user_settle Pql__Accounts__SettleDelay=$account_settle \
Logging__LogLevel__Default=Warning \
  dotnet "$silo_dll" --urls "http://127.0.0.1:$http_port" >"$work/silo.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null || { echo "silo did not become ready; log:" >&2; tail -n 40 "$work/silo.log" >&2; exit 1; }

# Long enough to cover warm-up, every injection and the grace period for the last task.
load_seconds=$(python3 -c "import math; print(int(math.ceil($warmup + $leads * $interval + 15)))")
dotnet "$pql_dll" load --url "http://127.0.0.1:$http_port" --rate "$rate" --duration "$load_seconds" >"$work/load.txt" 2>&1 &
load_pid=$!
pids+=($load_pid)
sleep "$warmup"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
status=0
python3 "$root/bench/leads_latency.py" --port "$hubspot_port" --gateway "http://127.0.0.1:$http_port" \
  --leads "$leads" --interval "$interval" | tee "$work/probe.txt" || status=$?
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $status != 0 ]]; then
  echo "silo log (last 30 lines):"; tail -n 30 "$work/silo.log"
  probe_account=$(grep -o 'a-probe-[0-9a-f]*' "$work/probe.txt" | head -n 1)
  echo "first probe's lead:"; curl -s -H "Authorization: Bearer dev-admin-token" "http://127.0.0.1:$http_port/api/leads/account:$probe_account~1"; echo
  echo "first probe's account:"; curl -s -H "Authorization: Bearer dev-admin-token" "http://127.0.0.1:$http_port/api/accounts/$probe_account"; echo
fi
wait "$load_pid" || true
echo "background load (pql load --rate $rate --duration $load_seconds):"
cat "$work/load.txt"
exit "$status"
