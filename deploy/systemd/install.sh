#!/usr/bin/env bash
# Installs the office side of LTSA Relay on a Debian office server as systemd units, each restarted when it dies
# (Restart=on-failure, with a start limit), started in order by ltsa.target. Run from a built checkout
# (./mvnw -B package -DskipTests) as root:
#
#   sudo deploy/systemd/install.sh            # install, enable and start ltsa.target
#   deploy/systemd/install.sh --root DIR      # lay the files out under DIR only: no users, no systemctl (tests)
#
# It never overwrites what an office has filled in (/etc/ltsa/*.env) or its data (/var/lib/ltsa).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
root=""
if [ "${1:-}" = "--root" ]; then root=$(realpath -m "$2"); fi
opt=$root/opt/ltsa etc=$root/etc/ltsa units=$root/etc/systemd/system data=$root/var/lib/ltsa

for module in intake-service submission-service notification-service; do
  [ -f "$repo/$module/target/quarkus-app/quarkus-run.jar" ] \
    || { echo "install.sh: $module is not built: ./mvnw -B package -DskipTests first" >&2; exit 1; }
done
[ -d "$repo/local-stack/kafka-dist/target/lib" ] \
  || { echo "install.sh: the Kafka jars are not built: ./mvnw -B package -DskipTests first" >&2; exit 1; }
ls "$repo"/local-stack/target/local-stack-*.jar >/dev/null 2>&1 \
  || { echo "install.sh: local-stack is not built: ./mvnw -B package -DskipTests first" >&2; exit 1; }

echo "install.sh: programs into $opt"
mkdir -p "$opt/bin" "$opt/kafka" "$etc" "$units" "$data/run"
for module in intake-service submission-service notification-service; do
  rm -rf "$opt/$module"
  cp -r "$repo/$module/target/quarkus-app" "$opt/$module"
done
rm -rf "$opt/kafka/lib"
cp -r "$repo/local-stack/kafka-dist/target/lib" "$opt/kafka/lib"
install -m 0755 "$here/ltsa-supervision-report" "$opt/bin/ltsa-supervision-report"

echo "install.sh: units into $units"
for unit in "$here"/ltsa.target "$here"/ltsa-*.service "$here"/ltsa-*.timer; do
  install -m 0644 "$unit" "$units/$(basename "$unit")"
done

# configuration: written once, then the office's own
write_once() { # FILE MODE: stdin becomes FILE unless it exists
  if [ -e "$1" ]; then cat > /dev/null; else install -m "$2" /dev/stdin "$1"; fi
}
write_once "$etc/office.env" 0640 < "$here/office.env.example"
# The broker's SASL/SCRAM users (admin, one per service, mirror-maker for the ministry): random passwords, made once
java -cp "$(ls "$repo"/local-stack/target/local-stack-*.jar | head -1):$repo/local-stack/target/lib/*" \
  id.ltsa.relay.localstack.KafkaCredentials "$etc" > /dev/null
kafka_password() { sed -n "s/^$1=//p" "$etc/kafka-credentials.properties"; }
admin_password=$(kafka_password admin)
write_once "$etc/intake.env" 0640 <<ENV
QUARKUS_HTTP_PORT=8081
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/intake
LTSA_DISK_PATHS=/var/lib/ltsa
ENV
write_once "$etc/submission.env" 0640 <<ENV
QUARKUS_HTTP_PORT=8082
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/submission
LTSA_CENTRAL_URL=https://central.ministry.example
LTSA_OPS_SUPERVISION_FILE=/var/lib/ltsa/run/supervision.properties
ENV
write_once "$etc/notification.env" 0640 <<ENV
QUARKUS_HTTP_PORT=8083
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/notification
LTSA_MODEM_ENABLED=true
ENV
write_once "$etc/kafka.properties" 0640 <<ENV
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:9093
listeners=CLIENTS://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=CLIENTS://127.0.0.1:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENTS
# closed: SASL/SCRAM logins, and KRaft's authorizer allows only the ACLs KafkaAccessControl grants (as local-stack's
# KafkaBroker does); the controller cannot read SCRAM users before it runs, so it takes PLAIN with its one user here
listener.security.protocol.map=CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password" user_admin="$admin_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/ltsa/kafka
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# a two-week outage must not age events out (as in local-stack's KafkaBroker)
log.retention.hours=2160
# and by size, so a flood cannot fill the disk: 512 MiB per partition, deleted a 64 MiB segment at a time
log.retention.bytes=536870912
log.segment.bytes=67108864
# a power cut must not take acknowledged records: on disk before acknowledged (docs/benchmarks.md has the cost)
log.flush.interval.messages=1
# the log cleaner's dedupe buffer is allocated whole on the heap (128 MiB by default); a few thousand keys here
log.cleaner.dedupe.buffer.size=8388608
# a handful of clients: one network thread per listener and two request handlers (3 and 8 by default), each of which
# wakes about three times a second when idle (as in local-stack's KafkaBroker)
num.network.threads=1
num.io.threads=2
ENV
write_once "$etc/kafka-log4j2.properties" 0644 <<ENV
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
ENV
write_once "$etc/gammu-smsdrc" 0640 <<ENV
# the office's GSM modem: see gammu-smsdrc(5); device and connection are the modem's
[gammu]
device = /dev/ttyUSB0
connection = at

[smsd]
service = sql
driver = native_pgsql
host = 127.0.0.1:5432
user = smsd
password = change-me
database = notification
phoneid = office-modem
logfile = syslog
ENV

# The keysets that encrypt applicants' NIK, phone and email at rest (intake): made once, never overwritten, since a
# lost keyset is lost data. Keep a copy apart from the database's backups; docs/architecture.md says how to rotate.
java -cp "$(ls "$repo"/local-stack/target/local-stack-*.jar | head -1):$repo/local-stack/target/lib/*" \
  id.ltsa.relay.localstack.PersonalDataKeysets "$etc" > /dev/null

# each service logs in to the broker as itself; an upgrade adds the line to env files written before
for service in intake submission notification; do
  grep -q '^LTSA_KAFKA_PASSWORD=' "$etc/$service.env" \
    || echo "LTSA_KAFKA_PASSWORD=$(kafka_password "$service-service")" >> "$etc/$service.env"
done

if [ -n "$root" ]; then
  echo "install.sh: laid out under $root (no users, no databases, no systemctl)"
  exit 0
fi

id ltsa >/dev/null 2>&1 || useradd --system --home-dir /var/lib/ltsa --shell /usr/sbin/nologin --groups dialout ltsa
chown root:ltsa "$etc"/*.env "$etc/gammu-smsdrc" "$etc"/personal-data-*keyset.json "$etc/kafka.properties"
chmod 0600 "$etc/kafka-credentials.properties"
chown -R ltsa:ltsa "$data"
if [ ! -f "$data/postgresql/PG_VERSION" ]; then
  echo "install.sh: a new PostgreSQL cluster in $data/postgresql"
  runuser -u ltsa -- /usr/lib/postgresql/15/bin/initdb -D "$data/postgresql" -U ltsa -A scram-sha-256 \
    --pwfile=<(sed -n 's/^QUARKUS_DATASOURCE_PASSWORD=//p' "$etc/office.env") -E UTF8 --locale=C.UTF-8
  printf "listen_addresses = '127.0.0.1'\nshared_buffers = 16MB\nmax_connections = 60\n" \
    >> "$data/postgresql/postgresql.conf"
fi
if [ ! -f "$data/kafka/meta.properties" ]; then
  echo "install.sh: a new Kafka log in $data/kafka"
  runuser -u ltsa -- java -cp "$opt/kafka/lib/*" kafka.tools.StorageTool format --standalone \
    -t "$(java -cp "$opt/kafka/lib/*" kafka.tools.StorageTool random-uuid)" -c "$etc/kafka.properties" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
fi
systemctl daemon-reload
systemctl enable ltsa.target ltsa-postgresql.service ltsa-kafka.service ltsa-gammu-smsd.service \
  ltsa-intake.service ltsa-submission.service ltsa-notification.service ltsa-supervision-report.timer
systemctl start ltsa-postgresql.service
"$here/provision-databases.sh"
# the services' users, the office's topics and the ACLs, before any service starts (again on every upgrade)
systemctl start ltsa-kafka.service
java -cp "$(ls "$repo"/local-stack/target/local-stack-*.jar | head -1):$repo/local-stack/target/lib/*" \
  id.ltsa.relay.localstack.KafkaAccessControl 127.0.0.1:9092 "$etc"
systemctl start ltsa.target
echo "install.sh: started; systemctl status 'ltsa-*' shows each, journalctl -u ltsa-kafka its log"
