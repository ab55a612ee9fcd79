package id.ltsa.relay.submission.heartbeat;

import id.ltsa.relay.outbox.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.jboss.logging.Logger;

/**
 * Tells the ministry this office is alive: every {@code ltsa.heartbeat.interval} a MirrorMaker 2 heartbeat record
 * on the office's {@code heartbeats} topic, which the ministry's MirrorMaker 2 replicates with its own heartbeats
 * replication and ministry-watch reads. An office that stops writing, or whose uplink is cut, goes SILENT there.
 *
 * <p>Written here rather than by MirrorMaker's heartbeat connector (ADR 0005): that connector writes only to the
 * cluster its worker runs on, so it would need a whole Connect worker at every office (about 105 MiB of the office
 * server's memory) for one record every few seconds; and a heartbeat from the relay itself says that the part which
 * forwards applications is running, not only the broker. Best effort on purpose: a heartbeat that cannot be written
 * is dropped, never queued, because a late one would claim the office was alive when it was not.
 */
@ApplicationScoped
class OfficeHeartbeat {

    private static final Logger LOG = Logger.getLogger(OfficeHeartbeat.class);
    /** MirrorMaker's heartbeats topic ({@code DefaultReplicationPolicy.heartbeatsTopic()}). */
    static final String TOPIC = "heartbeats";
    /** The flow's target alias the record names: the office's heartbeats are for the ministry. */
    static final String TARGET = "ministry";

    private final HeartbeatConfig config;
    private final Clock clock;
    private final Map<String, Object> kafka;
    private Producer<byte[], byte[]> producer;
    private boolean topicReady;
    private boolean lastFailed;
    private boolean closed;

    OfficeHeartbeat(HeartbeatConfig config, Clock clock, KafkaConnection connection) {
        this.config = config;
        this.clock = clock;
        Map<String, Object> settings = connection.settings();
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "submission-service-heartbeat");
        this.kafka = Map.copyOf(settings);
    }

    @Scheduled(
            every = "${ltsa.heartbeat.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    synchronized void beat() {
        if (closed) {
            return;
        }
        try {
            ensureTopic();
            Heartbeat heartbeat = new Heartbeat(config.officeCode().orElse("office"), TARGET, clock.millis());
            producer()
                    .send(new ProducerRecord<>(
                            TOPIC, 0, HeartbeatRecord.key(heartbeat), HeartbeatRecord.value(heartbeat)))
                    .get(config.interval().toMillis(), TimeUnit.MILLISECONDS);
            if (lastFailed) {
                LOG.info("Heartbeats for the ministry are written again");
            }
            lastFailed = false;
        } catch (Exception e) {
            if (!lastFailed) { // once per failure streak, not every interval of a long broker outage
                LOG.warnf(
                        "A heartbeat for the ministry could not be written (%s); trying again each %s",
                        e.getMessage(), config.interval());
            }
            lastFailed = true;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** As MirrorMaker's heartbeat connector makes it: one partition, compacted (one live record per source). */
    private void ensureTopic() throws InterruptedException, ExecutionException {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) -1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        topicReady = true;
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafka);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            // a heartbeat not written within its interval is worthless: fail it rather than deliver it late
            long interval = config.interval().toMillis();
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, interval);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) interval);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) interval);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
        }
    }

    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        private final HeartbeatConfig config;

        Disabled(HeartbeatConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
