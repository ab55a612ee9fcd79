#!/usr/bin/env bash
# What the office broker's flush before acknowledging (log.flush.interval.messages=1) costs: Kafka's own
# kafka-producer-perf-test against the broker `ltsa up` runs, into two topics of the same broker, one with the
# broker's setting (flush every batch) and one with it overridden per topic (flush.messages=MAX: the page cache, as
# Kafka's default). acks=all, 1 KiB records (an application event is about that), one producer, the rest of the stack
# idle. A measurement, not a test.
#   bench/broker-flush-cost.sh [records per run, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
records=${1:-20000}
start_stack --offices 5203
bootstrap=127.0.0.1:${LTSA_KAFKA_PORT:-9092}
# the broker is closed: log in as its admin, with the password ltsa up made
login="$LTSA_HOME/kafka-admin.properties"
admin_password=$(sed -n 's/^admin=//p' "$LTSA_HOME/keys/kafka-credentials.properties")
printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=SCRAM-SHA-512" \
  "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";" \
  > "$login"
kafka() { java -Xmx256m -XX:+UseSerialGC -cp "local-stack/kafka-dist/target/lib/*" "$@"; }
kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --command-config "$login" --create \
  --topic bench.flushed --partitions 3 >/dev/null
kafka org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --command-config "$login" --create \
  --topic bench.page-cache --partitions 3 --config flush.messages=9223372036854775807 >/dev/null
run() { # topic throughput(-1 = as fast as it goes) batching(linger ms) [records]
  kafka org.apache.kafka.tools.ProducerPerformance --topic "$1" --num-records "${4:-$records}" --record-size 1024 \
    --throughput "$2" --producer.config "$login" --producer-props bootstrap.servers="$bootstrap" acks=all \
    linger.ms="$3" 2>/dev/null | tail -1
}
echo "df of the broker's disk: $(df -h "$LTSA_HOME" | tail -1 | awk '{print $1, $2}')"
for linger in 0 5; do
  for topic in bench.page-cache bench.flushed; do
    echo "$topic, as fast as it goes, linger.ms=$linger: $(run "$topic" -1 "$linger")"
  done
done
for topic in bench.page-cache bench.flushed; do
  echo "$topic, 100 records/s (more than an office's busiest minute): $(run "$topic" 100 0 2000)"
done
