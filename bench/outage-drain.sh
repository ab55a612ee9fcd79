#!/usr/bin/env bash
# A compressed outage through the real stack: the link dies, applications keep coming, the outage lasts; then the
# link returns and the backlog drains. Reports the central calls made during the outage, the drain rate against the
# configured maximum (20/s by default), and the time from link UP to an empty backlog. A measurement, not a test.
#   bench/outage-drain.sh [applications, default 400] [outage seconds, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
count=${1:-400}
outage=${2:-60}
start_stack
office=$(./ltsa token 5203 office)
ops=$(./ltsa token - ops)
sim=$(simulator_url)
backlog() { curl -s "http://127.0.0.1:${SUBMISSION_PORT:-8082}/api/v1/ops/backlog" -H "Authorization: Bearer $ops"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
mode() { curl -s -X PUT "$sim/sim/mode" -H 'Content-Type: application/json' -d "{\"mode\":\"$1\"}" > /dev/null; }

mode DOWN
dropped_before=$(curl -s "$sim/sim/stats" | field droppedWhileDown)
started=$(date +%s.%N)
echo "== link DOWN; registering $count applications at 40/s"
java -XX:+UseSerialGC bench/IntakeLoad.java "http://127.0.0.1:${INTAKE_PORT:-8081}/api/v1/applications" "$office" 40 \
  $((count / 40)) 7 > "$LTSA_HOME/load.txt"
grep -E "created|statuses" "$LTSA_HOME/load.txt"
created=$(awk '/created/ {print $6}' "$LTSA_HOME/load.txt")
until [ "$(backlog | field delayed)" -ge "$created" ]; do sleep 1; done
echo "all DELAYED after $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s; holding the outage for ${outage} s"
sleep "$outage"
dropped=$(( $(curl -s "$sim/sim/stats" | field droppedWhileDown) - dropped_before ))
outage_s=$(echo "$(date +%s.%N) - $started" | bc | cut -c1-5)
pending=$(backlog | field pending)
echo "central calls during the ${outage_s} s outage: $dropped (pending: $pending)"

mode UP
up=$(date +%s.%N)
first=""
while :; do
  left=$(backlog | field pending)
  now=$(date +%s.%N)
  if [ -z "$first" ] && [ "$left" -lt "$pending" ]; then first=$now; fi
  [ "$left" -eq 0 ] && break
  sleep 0.25
done
empty=$(date +%s.%N)
echo "link UP -> first drained: $(echo "$first - $up" | bc | cut -c1-5) s; -> empty backlog: $(echo "$empty - $up" | bc | cut -c1-5) s"
echo "drain rate: $(echo "scale=1; $pending / ($empty - $first)" | bc) /s (configured maximum 20/s)"
curl -s "$sim/sim/stats"; echo
