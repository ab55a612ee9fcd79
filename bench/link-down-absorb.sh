#!/usr/bin/env bash
# The office's own internet cut (`ltsa uplink cut`: central, the gateway and SMTP all silent) while the counters keep
# registering: POSTs at a fixed rate for a while (the performance issue's target: 300/s for 60 s, p99 under 200 ms),
# then the uplink restored and the time until central holds every application. Reports the POST latency and every
# status seen, what the office server's processes spent meanwhile, and the drain. A measurement, not a test.
#   bench/link-down-absorb.sh [rate, default 300] [seconds, default 60]
#   DRAIN=0 skips waiting for the drain (it runs at the forwarding max-rate, 20/s by default: 18,000 take 15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
rate=${1:-300}
seconds=${2:-60}
start_stack
office=$(./ltsa token 5203 office)
ops=$(./ltsa token - ops)
intake=http://127.0.0.1:${INTAKE_PORT:-8081}/api/v1/applications
backlog() { curl -s "http://127.0.0.1:${SUBMISSION_PORT:-8082}/api/v1/ops/backlog" -H "Authorization: Bearer $ops"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
run=$(office_dir)/run
# CPU seconds (utime+stime, children included) of the office server's processes, from /proc
cpu() {
  local pids pg total=0
  pids=""
  for f in "$run"/*.pid; do # the simulator plays upstream: not the office server's
    [ "$(basename "$f")" = central-api-simulator.pid ] || pids="$pids $(cat "$f")"
  done
  pg=$(head -1 "$LTSA_HOME/offices/5203/data/postgres/postmaster.pid")
  pids="$pids $pg $(pgrep -P "$pg" | tr '\n' ' ') $(pgrep -f "kafka.Kafka .*$LTSA_HOME/offices/5203/" | head -1)"
  for p in $pids; do
    total=$((total + $(awk '{print $14+$15+$16+$17}' /proc/"$p"/stat 2>/dev/null || echo 0)))
  done
  echo "scale=1; $total / $(getconf CLK_TCK)" | bc
}

# a warm-up with the link up, so the JIT has compiled the registration path before the measured run
java -XX:+UseSerialGC bench/IntakeLoad.java "$intake" "$office" 20 30 3 > /dev/null
until [ "$(backlog | field pending)" -eq 0 ]; do sleep 1; done

./ltsa uplink cut > /dev/null
echo "== uplink cut; registering at ${rate}/s for ${seconds} s"
before=$(cpu)
java -XX:+UseSerialGC bench/IntakeLoad.java "$intake" "$office" "$rate" "$seconds" 13 | tee "$LTSA_HOME/load.txt"
after=$(cpu)
echo "office server CPU during the run: $(echo "$after - $before" | bc) s over ${seconds} s (2 cores: at most $((2 * seconds)))"
created=$(awk '/created/ {print $6}' "$LTSA_HOME/load.txt")
echo "backlog after the run: $(backlog)"
[ "${DRAIN:-1}" = 0 ] && exit 0

./ltsa uplink restore > /dev/null
restored=$(date +%s.%N)
until [ "$(backlog | field pending)" -eq 0 ]; do sleep 1; done
echo "uplink restored -> all $created at central after $(echo "$(date +%s.%N) - $restored" | bc | cut -c1-6) s"
