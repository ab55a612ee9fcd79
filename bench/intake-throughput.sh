#!/usr/bin/env bash
# Intake throughput against the database's own: pgbench runs a transaction inserting the rows a registration inserts
# (application, first status, outbox event), then an open-loop generator POSTs valid applications at half that rate,
# at saturation, and at twice saturation, with the rest of the stack running. A measurement, not a test.
#   bench/intake-throughput.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
secs=${1:-20}
start_stack
token=$(./ltsa token 5203 office)
url=http://127.0.0.1:${INTAKE_PORT:-8081}/api/v1/applications
psql_intake() { psql -X -q -t -A -h 127.0.0.1 -p "${LTSA_POSTGRES_PORT:-5432}" -U postgres intake "$@"; }
load() { java -XX:+UseSerialGC bench/IntakeLoad.java "$url" "$token" "$1" "$2" "$3"; }

payload=$(printf '%*s' 900 '' | tr ' ' 'x')
psql_intake -c "CREATE SEQUENCE IF NOT EXISTS bench_nik"
cat > "$LTSA_HOME/register.sql" <<SQL
WITH a AS (
  INSERT INTO application (id, tracking_code, office_code, document_type, revision, status, status_revision, nik,
      full_name, birth_date, birth_place, gender, phone, preferred_channel, language, destination_country, scheme,
      employer_name, job_title, created_at, updated_at)
  VALUES (gen_random_uuid(), 'PG-' || substr(md5(random()::text), 1, 16), '5203', 'PASSPORT', 1, 'RECEIVED', 1,
      '8' || lpad(nextval('bench_nik')::text, 15, '0'), 'Bench PG', '1995-04-05', 'Selong', 'M', '+6281234567890', 'SMS',
      'id', 'KR', 'G_TO_G', 'Hanil', 'Operator', now(), now())
  RETURNING id),
h AS (INSERT INTO status_history (application_id, status, revision, at) SELECT id, 'RECEIVED', 1, now() FROM a)
INSERT INTO outbox_event (event_id, topic, message_key, event_type, occurred_at, payload)
SELECT gen_random_uuid(), 'ltsa.bench', id::text, 'bench', now(), '{"p":"$payload"}' FROM a;
SQL
echo "== pgbench: the same inserts, 16 clients, ${secs} s"
pgbench -n -c 16 -j 2 -T "$secs" -f "$LTSA_HOME/register.sql" -h 127.0.0.1 -p "${LTSA_POSTGRES_PORT:-5432}" \
  -U postgres intake > "$LTSA_HOME/pgbench.txt" 2>&1 || echo "(pgbench reported: $(grep -m1 error "$LTSA_HOME/pgbench.txt"))"
pg_tps=$(awk '/^tps/ {print int($3)}' "$LTSA_HOME/pgbench.txt")
echo "pgbench: $pg_tps transactions/s"
psql_intake -c "DELETE FROM outbox_event WHERE topic = 'ltsa.bench'; DELETE FROM status_history h USING application a WHERE h.application_id = a.id AND a.full_name = 'Bench PG'; DELETE FROM application WHERE full_name = 'Bench PG';"

echo "== warm-up"
load 50 10 1 > /dev/null
half=$((pg_tps / 2))
echo "== POST at half the pgbench rate: $half/s for ${secs} s"
load "$half" "$secs" 2 | tee "$LTSA_HOME/half.txt"
echo "== ramp to find the saturating rate"
saturated=0; seed=3
for rate in 100 200 300 400 600 800 1200; do
  load "$rate" 10 $seed > "$LTSA_HOME/ramp.txt"; seed=$((seed + 1))
  created=$(awk '/created\/s/ {print int($(NF-1))}' "$LTSA_HOME/ramp.txt")
  echo "offered $rate/s -> created $created/s  $(grep -o 'p99 [0-9.]* ms' "$LTSA_HOME/ramp.txt")"
  if [ "$created" -gt "$saturated" ]; then saturated=$created; fi
  if [ "$created" -lt $((rate * 9 / 10)) ]; then break; fi
done
echo "== POST at twice the saturating rate: $((saturated * 2))/s for ${secs} s"
load $((saturated * 2)) "$secs" 20 | tee "$LTSA_HOME/overload.txt"

achieved=$(awk '/created\/s/ {print $(NF-1)}' "$LTSA_HOME/half.txt")
echo "== summary"
echo "pgbench $pg_tps tx/s; at half that offered, POST created $achieved/s; ratio $(echo "scale=3; $achieved / $pg_tps" | bc)"
echo "saturating rate ~$saturated created/s; ratio to pgbench $(echo "scale=3; $saturated / $pg_tps" | bc)"
echo "half-stored applications (no status history): $(psql_intake -c "SELECT count(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM status_history h WHERE h.application_id = a.id)")"
echo "applications stored: $(psql_intake -c "SELECT count(*) FROM application") (the 201s above, all runs)"
