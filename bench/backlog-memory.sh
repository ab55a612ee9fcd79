#!/usr/bin/env bash
# A backlog of 100,000 applications drains without submission-service holding it in memory: with the link down, the
# backlog is written straight into the submission database; then the link comes back, and the resident memory (RSS)
# of submission-service is sampled every second until the backlog is empty. The target is less than 50 MB of growth.
# Reports the drain time, the rate achieved against the configured maximum, RSS before, at its peak and at the end,
# and the central API's duplicate creates. A measurement, not a test.
#   bench/backlog-memory.sh [backlog, default 100000] [max-rate per second, default 500] [wait cap minutes, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
count=${1:-100000}
rate=${2:-500}
cap=$(( ${3:-30} * 60 ))
target_mb=50
# The launcher's environment reaches every service (ProcessBuilder inherits it): this sets ltsa.forwarding.max-rate of
# submission-service, so the backlog drains in minutes instead of count/20 seconds at the default 20/s.
export LTSA_FORWARDING_MAX_RATE=$rate
# The simulator keeps every application it created in its heap (a few KB each, ~400 MB for 100,000) and would run out
# of its usual -Xmx96m. The setting is for all services alike, so each gets ServiceProcess.DEFAULT_JAVA_OPTS with a
# 1 GB ceiling and the default's starting heap (-Xms96m). For submission-service this makes the check stricter: at
# -Xmx96m a backlog held in memory ends in OutOfMemoryError; at 1 GB it shows as RSS growth.
export LTSA_SERVICE_JAVA_OPTS=${LTSA_SERVICE_JAVA_OPTS:-"-Xms96m -Xmx1g -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
-XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=32m -XX:CICompilerCount=1"}
start_stack
ops=$(./ltsa token - ops)
sim=$(simulator_url)
backlog() { curl -s --max-time 10 "http://127.0.0.1:${SUBMISSION_PORT:-8082}/api/v1/ops/backlog" -H "Authorization: Bearer $ops"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
mode() { curl -s -X PUT "$sim/sim/mode" -H 'Content-Type: application/json' -d "{\"mode\":\"$1\"}" > /dev/null; }
psql_db() { local db=$1; shift; psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${LTSA_POSTGRES_PORT:-5432}" -U postgres "$db" "$@"; }
pid=$(cat "$(office_dir)/run/submission-service.pid")
kb() { # VmRSS or VmHWM (the peak since start) of submission-service, in kB
  [ -r "/proc/$pid/status" ] || { echo "submission-service (pid $pid) is gone:" >&2; tail -20 "$(office_dir)/logs/submission-service.log" >&2; exit 1; }
  awk -v key="$1:" '$1 == key {print $2}' "/proc/$pid/status"
}
mb() { echo "scale=1; $1 / 1024" | bc; }
elapsed() { echo "$(date +%s.%N) - $1" | bc | cut -c1-6; }
rss_started=$(kb VmRSS)

# The backlog goes straight into the database rather than through intake: registering 100,000 applications over HTTP
# takes far too long on 2 cores, and this measures the drain, not intake. The rows are what 14 days of outage leave:
# DELAYED (episode 1), spread over three offices, each with the snapshot the forwarder sends (the ApplicationReceived
# JSON; the central API requires its applicationId and revision). notification-service gets the contact details
# intake's events would have given it: without them every SUBMITTED message would wait for a recipient, retried each
# second, and that busy loop would compete with the drain for the CPU. intake-service is not seeded: it skips (and logs)
# the status of an application it does not know.
applicants="SELECT n, md5('ltsa-bench-' || n)::uuid AS id, 'LT-B' || lpad(n::text, 7, '0') AS tracking_code,
    (ARRAY['5201', '5202', '5203'])[1 + n % 3] AS office_code, 'Bench Applicant ' || n AS full_name,
    date '1975-01-01' + n % 9000 AS birth_date, CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END AS gender,
    '+62812' || lpad(n::text, 7, '0') AS phone, CASE WHEN n % 4 = 0 THEN 'SMS' ELSE 'WHATSAPP' END AS channel,
    now() - interval '14 days' * (($count - n + 1)::float8 / $count) AS received_at
  FROM generate_series(1, $count) AS n"

mode DOWN
echo "== link DOWN; writing a backlog of $count applications into the submission database"
started=$(date +%s.%N)
psql_db notification -c "
INSERT INTO recipient (application_id, tracking_code, office_code, full_name, phone, email, channel, language,
    updated_at)
SELECT id, tracking_code, office_code, full_name, phone, NULL, channel, 'id', received_at FROM ($applicants) AS a;
INSERT INTO application_progress (application_id, office_code, status, revision, received_at, updated_at)
SELECT id, office_code, 'DELAYED', 1, received_at, received_at + interval '1 minute' FROM ($applicants) AS a;"
psql_db submission -c "
INSERT INTO submission (application_id, tracking_code, office_code, revision, status, payload, attempts,
    next_attempt_at, episode, last_error, queued_at, received_at, updated_at)
SELECT id, tracking_code, office_code, 1, 'DELAYED',
    json_build_object('applicationId', id, 'trackingCode', tracking_code, 'officeCode', office_code,
        'documentType', 'PASSPORT', 'revision', 1,
        'applicant', json_build_object(
            'nik', office_code || '01' || lpad((extract(day FROM birth_date)::int
                + CASE WHEN gender = 'F' THEN 40 ELSE 0 END)::text, 2, '0') || to_char(birth_date, 'MMYY')
                || lpad((n % 10000)::text, 4, '0'),
            'fullName', full_name, 'birthDate', to_char(birth_date, 'YYYY-MM-DD'), 'birthPlace', 'Selong',
            'gender', gender, 'phone', phone, 'email', NULL::text, 'preferredChannel', channel, 'language', 'id'),
        'placement', json_build_object('destinationCountry', 'KR', 'scheme', 'G_TO_G',
            'employerName', 'Hanil Manufacturing', 'jobTitle', 'Production operator', 'p3miName', NULL::text),
        'occurredAt', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))::text,
    0, now(), 1, 'ConnectException: Connection refused', received_at + interval '200 milliseconds', received_at,
    received_at + interval '1 minute'
FROM ($applicants) AS a;"
echo "written in $(elapsed "$started") s; payload $(psql_db submission -c "SELECT round(avg(length(payload))) FROM submission") bytes on average"
# The forwarder meets the dead link on its next poll and marks it DOWN; from then on one probe per 10 s.
waited=0
until [ "$(backlog | field linkState 2>/dev/null || true)" = DOWN ]; do
  waited=$((waited + 1)); [ "$waited" -le 90 ] || { echo "submission-service never saw the link DOWN"; exit 1; }
  sleep 1
done
sleep 10 # let the round that met the dead link finish before reading memory
pending=$(backlog | field pending)
rss_before=$(kb VmRSS)
hwm_before=$(kb VmHWM)
echo "pending: $pending; forwarding max rate raised to $rate/s for this run (at the default 20/s this backlog takes" \
  "$((pending / 20 / 60)) min); claim batch ${LTSA_FORWARDING_BATCH_SIZE:-20}, ${LTSA_FORWARDING_PARALLELISM:-4} calls in flight"
echo "service JVMs: $LTSA_SERVICE_JAVA_OPTS"
echo "submission-service RSS: $(mb "$rss_started") MB after start, $(mb "$rss_before") MB before link UP"

samples=$LTSA_HOME/rss.txt
touch "$samples"
mode UP
up=$(date +%s.%N)
echo "== link UP; sampling RSS every second until the backlog is empty (at most $((cap / 60)) min)"
first=""; empty=""; left=$pending; peak=$rss_before
while :; do
  rss=$(kb VmRSS)
  [ "$rss" -gt "$peak" ] && peak=$rss
  now=$(date +%s.%N)
  if left_now=$(backlog | field pending 2>/dev/null); then
    left=$left_now
    echo "$(echo "$now - $up" | bc) $left $rss" >> "$samples"
    if [ -z "$first" ] && [ "$left" -lt "$pending" ]; then first=$now; fi
    if [ "$left" -eq 0 ]; then empty=$now; break; fi
  fi
  if [ "$(echo "$now - $up > $cap" | bc)" = 1 ]; then break; fi
  sleep 1
done
rss_after=$(kb VmRSS)
hwm_after=$(kb VmHWM)
# A peak between two samples still shows in the kernel's high-water mark, if it rose during the drain
[ "$hwm_after" -gt "$hwm_before" ] && [ "$hwm_after" -gt "$peak" ] && peak=$hwm_after
growth=$((peak - rss_before))

if [ -n "$empty" ]; then
  echo "link UP -> first drained: $(echo "$first - $up" | bc | cut -c1-5) s; -> empty backlog: $(echo "$empty - $up" | bc | cut -c1-6) s"
  span=$(echo "$empty - $first" | bc)
  [ "$(echo "$span > 0" | bc)" = 1 ] || span=$(echo "$empty - $up" | bc)
  achieved=$(echo "scale=1; $pending / $span" | bc)
  echo "drain rate: $achieved /s = $(echo "scale=0; 100 * $achieved / $rate" | bc)% of the configured $rate/s"
else
  echo "NOT DRAINED within $((cap / 60)) min: $left of $pending still pending (first drained" \
    "$( [ -n "$first" ] && echo "$(echo "$first - $up" | bc | cut -c1-5) s after UP" || echo never))"
fi
progress=""
for q in 25 50 75 100; do
  at=$(awk -v left=$((pending * (100 - q) / 100)) '$2 <= left {printf "%.1f", $3 / 1024; exit}' "$samples")
  progress="$progress  ${q}%: ${at:--} MB"
done
echo "RSS as the backlog drained:$progress"
echo "submission-service RSS: before $(mb "$rss_before") MB, peak $(mb "$peak") MB, after $(mb "$rss_after") MB;" \
  "growth $(mb "$growth") MB"
if [ "$growth" -lt $((target_mb * 1024)) ]; then verdict=PASS; else verdict=FAIL; fi
[ -n "$empty" ] || verdict="$verdict (drain incomplete)"
echo "$verdict: RSS growth $(mb "$growth") MB against a target of less than $target_mb MB"
stats=$(curl -s "$sim/sim/stats")
echo "central API: duplicateCreates $(echo "$stats" | field duplicateCreates), uniqueApplications" \
  "$(echo "$stats" | field uniqueApplications), replays $(echo "$stats" | field replays); $stats"
echo "SUBMITTED in the submission database: $(psql_db submission -c "SELECT count(*) FROM submission WHERE status = 'SUBMITTED'") of $count"
