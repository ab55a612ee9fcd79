#!/usr/bin/env bash
# Time from an application's commit at intake to its creation at the central API, with the link up: applications are
# registered at a steady open-loop rate, then each one's creation time at the central API (the simulator's receivedAt)
# is set against its createdAt at intake. The target is a p99 under 100 ms. A measurement, not a test.
#   bench/submit-latency.sh [applications, default 300] [rate per second, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
count=${1:-300}
rate=${2:-10}
target_ms=100
start_stack
office=$(./ltsa token 5203 office)
url=http://127.0.0.1:${INTAKE_PORT:-8081}/api/v1/applications
sim=$(simulator_url)
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
psql_intake() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${LTSA_POSTGRES_PORT:-5432}" -U postgres intake "$@"; }
load() { java -XX:+UseSerialGC bench/IntakeLoad.java "$url" "$office" "$rate" "$1" "$2"; }
await_central() { # until the central API holds $1 applications, at most 120 s
  local waited=0
  until [ "$(curl -s "$sim/sim/stats" | field uniqueApplications)" -ge "$1" ]; do
    waited=$((waited + 1)); [ "$waited" -le 240 ] || { echo "(not all created at central after 120 s)"; return; }
    sleep 0.5
  done
}
curl -s -X PUT "$sim/sim/mode" -H 'Content-Type: application/json' -d '{"mode":"UP"}' > /dev/null

# The first requests through a fresh JVM (class loading, the JIT) are not what an office meets on a working day
echo "== warm-up: $((rate * 5)) applications at $rate/s, not measured"
load 5 1 > "$LTSA_HOME/warmup.txt"
warm=$(awk '/created/ {print $6}' "$LTSA_HOME/warmup.txt")
await_central "$warm"
mark=$(psql_intake -c "SELECT coalesce(max(created_at), '-infinity') FROM application")

seconds=$(( (count + rate - 1) / rate ))
echo "== $((seconds * rate)) applications at $rate/s (open loop), link UP"
load "$seconds" 2 | tee "$LTSA_HOME/load.txt"
created=$(awk '/created/ {print $6}' "$LTSA_HOME/load.txt")
await_central $((warm + created))

# createdAt is taken in the registering transaction just before it commits (the RECEIVED entry of statusHistory
# carries the same instant), so the figures include the commit itself and err high by its few milliseconds. Intake
# and the simulator read the same machine clock (Clock.systemUTC), so the two timestamps compare directly.
psql_intake -F ' ' -c "SELECT id, extract(epoch FROM created_at) FROM application
  WHERE created_at > '$mark'::timestamptz ORDER BY created_at" > "$LTSA_HOME/registered.txt"
python3 - "$sim" "$LTSA_HOME/registered.txt" "$target_ms" <<'PY'
import calendar, json, sys, time, urllib.error, urllib.request

sim, registered, target = sys.argv[1], sys.argv[2], float(sys.argv[3])

def epoch(value):
    """An Instant as Jackson writes it: 2026-01-05T03:15:00.123456Z (3, 6 or 9 digits, or none), or seconds."""
    if isinstance(value, (int, float)):
        return float(value)
    whole, _, fraction = value.rstrip('Z').partition('.')
    seconds = calendar.timegm(time.strptime(whole, '%Y-%m-%dT%H:%M:%S'))
    return seconds + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)

latencies, missing, duplicated = [], 0, 0
for line in open(registered):
    application_id, committed = line.split()
    try:
        with urllib.request.urlopen(f'{sim}/sim/applications/{application_id}', timeout=10) as answer:
            central = json.load(answer)
    except urllib.error.HTTPError:
        missing += 1
        continue
    if central['creates'] != 1:
        duplicated += 1
    latencies.append((epoch(central['revisions'][0]['receivedAt']) - float(committed)) * 1000)

latencies.sort()
def percentile(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else float('nan')

print(f'commit at intake -> created at central, {len(latencies)} applications: min {latencies[0] if latencies else 0:.1f} ms'
      f'  p50 {percentile(0.50):.1f} ms  p95 {percentile(0.95):.1f} ms  p99 {percentile(0.99):.1f} ms'
      f'  max {latencies[-1] if latencies else 0:.1f} ms')
print(f'not created at central: {missing}; created more than once: {duplicated}'
      ' (both timestamps from this machine\'s clock: createdAt at intake, receivedAt at the simulator)')
verdict = 'PASS' if latencies and not missing and percentile(0.99) < target else 'FAIL'
print(f'{verdict}: p99 {percentile(0.99):.1f} ms against a target of under {target:.0f} ms')
PY
echo "central API: $(curl -s "$sim/sim/stats")"
