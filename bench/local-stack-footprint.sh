#!/usr/bin/env bash
# Measures the local run: seconds from `ltsa up` to every process ready, and the memory of each process (RSS, and PSS
# which shares PostgreSQL's shared buffers fairly between its processes), the office side apart from the ministry
# side. The office side is what one office server runs (target: under 1.5 GiB RSS); the launcher counts there, since
# it is what starts and watches the office's processes. Read idle and again after a minute of load (LOAD_SECONDS=0
# skips it). Not a test: a measurement.
#   bench/local-stack-footprint.sh                 (one office and the ministry, throwaway LTSA_HOME)
#   bench/local-stack-footprint.sh 5203,5201       (two offices and the ministry)
set -euo pipefail
cd "$(dirname "$0")/.."
offices=${1:-5203}
export LTSA_HOME=$(mktemp -d /tmp/ltsa-bench-XXXX)
chmod 755 "$LTSA_HOME"
log=$LTSA_HOME/up.log
started=$(date +%s.%N)
./ltsa up --offices "$offices" > "$log" 2>&1 &
launcher=$!
until grep -q "is up after" "$log"; do
  if ! kill -0 $launcher 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 0.2
done
ready=$(date +%s.%N)
sleep 5   # let the processes settle after start-up before reading memory
mem() { # pid [with-children] -> "rss_kb pss_kb"
  local total_rss=0 total_pss=0 pids=$1
  [ "${2:-}" = with-children ] && pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"
  for p in $pids; do
    local r=$(awk '/^Rss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    local s=$(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    total_rss=$((total_rss + ${r:-0})); total_pss=$((total_pss + ${s:-0}))
  done
  echo "$total_rss $total_pss"
}
side_rss=0; side_pss=0; simulators=""
report() { # name pid [with-children]
  [ -n "${2:-}" ] || return 0
  read -r r s <<< "$(mem "$2" "${3:-}")"
  printf "  %-26s %10d %10d\n" "$1" $((r/1024)) $((s/1024))
  side_rss=$((side_rss+r)); side_pss=$((side_pss+s))
}
side() { # title dir [extra-launcher-pid]
  side_rss=0; side_pss=0
  echo "$1"
  printf "  %-26s %10s %10s\n" process "RSS MiB" "PSS MiB"
  for f in "$2"/run/*.pid; do
    [ -e "$f" ] || continue
    # the simulator plays the central API, the gateway and SMTP: upstream, not on the office server
    [ "$(basename "$f" .pid)" = central-api-simulator ] && { simulators="$simulators $(cat "$f")"; continue; }
    report "$(basename "$f" .pid)" "$(cat "$f")"
  done
  report kafka "$(pgrep -f "kafka.Kafka .*$2/" | head -1)"
  local pg; pg=$(head -1 "$2"/data/postgres/postmaster.pid)
  report "postgresql ($(pgrep -P "$pg" | wc -l) children)" "$pg" with-children
  [ -n "${3:-}" ] && report "ltsa launcher" "$3"
  printf "  %-26s %10d %10d\n" total $((side_rss/1024)) $((side_pss/1024))
}
measure() {
  simulators=""
  # the launcher counts with the office the load goes to (the first of the list), the worst case
  local first=${offices%%,*}
  side "office $first (one office server, loaded)" "$LTSA_HOME/offices/$first" "$(cat "$LTSA_HOME/run/ltsa.pid")"
  for dir in "$LTSA_HOME"/offices/*; do
    [ "$(basename "$dir")" = "$first" ] || side "office $(basename "$dir")" "$dir"
  done
  side "ministry side" "$LTSA_HOME/ministry"
  echo "upstream stand-ins (the central API simulator of each office; neither office nor ministry)"
  side_rss=0; side_pss=0
  for p in $simulators; do report central-api-simulator "$p"; done
}
echo "== idle, 5 s after ready"
measure
# The heaps start small and grow with use (Processes.smallJvm), so idle is not the whole story: load the first
# office (applications registered, forwarded, applicants messaged) and read again once it is quiet.
load_seconds=${LOAD_SECONDS:-60}
if [ "$load_seconds" -gt 0 ]; then
  echo "== after ${load_seconds} s of 20 applications/s at the first office, 15 s after the load"
  java -XX:+UseSerialGC bench/IntakeLoad.java "http://127.0.0.1:${INTAKE_PORT:-8081}/api/v1/applications" \
    "$(./ltsa token "${offices%%,*}" office)" 20 "$load_seconds" 11 | grep -E "created|statuses"
  sleep 15
  measure
fi
echo "ready after $(echo "$ready - $started" | bc) s (wall, including the launcher's JVM start)"
./ltsa down > /dev/null
rm -rf "$LTSA_HOME"
