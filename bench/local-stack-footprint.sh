#!/usr/bin/env bash
# Measures the local run: seconds from `ltsa up` to every service ready, and the memory of each process
# (RSS, and PSS which shares PostgreSQL's shared buffers fairly between its processes). Not a test: a measurement.
#   bench/local-stack-footprint.sh            (uses a throwaway LTSA_HOME and the contract's ports)
set -euo pipefail
cd "$(dirname "$0")/.."
export LTSA_HOME=$(mktemp -d /tmp/ltsa-bench-XXXX)
chmod 755 "$LTSA_HOME"
log=$LTSA_HOME/up.log
started=$(date +%s.%N)
./ltsa up > "$log" 2>&1 &
until grep -q "is up after" "$log"; do
  if ! kill -0 $! 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 0.2
done
ready=$(date +%s.%N)
sleep 5   # let the services settle after start-up before reading memory
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
printf "%-24s %10s %10s\n" process "RSS MiB" "PSS MiB"
sum_rss=0; sum_pss=0
report() { read -r r s <<< "$(mem "$2" "${3:-}")"; printf "%-24s %10d %10d\n" "$1" $((r/1024)) $((s/1024)); sum_rss=$((sum_rss+r)); sum_pss=$((sum_pss+s)); }
for f in "$LTSA_HOME"/run/*.pid; do
  name=$(basename "$f" .pid); [ "$name" = ltsa ] && name="ltsa launcher"
  report "$name" "$(cat "$f")"
done
report kafka "$(pgrep -f 'kafka.Kafka .*'"$LTSA_HOME" | head -1)"
report postgresql "$(head -1 "$LTSA_HOME"/data/postgres/postmaster.pid)" with-children
printf "%-24s %10d %10d\n" total $((sum_rss/1024)) $((sum_pss/1024))
echo "ready after $(echo "$ready - $started" | bc) s (wall, including the launcher's JVM start)"
./ltsa down > /dev/null
rm -rf "$LTSA_HOME"
