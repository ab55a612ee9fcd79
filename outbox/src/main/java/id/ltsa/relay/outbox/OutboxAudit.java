package id.ltsa.relay.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Heals events the broker lost after acknowledging them, whatever the cause: a while after an event's publication
 * ({@code ltsa.outbox.audit-after}), reads its topic back and looks for its {@code ce_id}. One that is not there any
 * more is published again, with the events of its key from then on, in their order and under their own ids, so the
 * consumers, which deduplicate by {@code ce_id}, apply what they missed and nothing twice.
 *
 * <p>A broker loses the newest records of a partition (a power cut takes the pages not yet on disk), so a key's lost
 * events are always its latest ones: republishing the key's kept events in order brings them back in order. This
 * covers every event type of the service, status events included, where a business-level reconciliation (intake's
 * "still RECEIVED") covers only what it knows to look for.
 *
 * <p>Hand-written, as the relay is: the outbox is ours, and nothing on Maven Central audits a topic against it. An
 * idle office has nothing unverified and reads nothing.
 */
@ApplicationScoped
class OutboxAudit {

    private static final Logger LOG = Logger.getLogger(OutboxAudit.class);
    private static final int BATCH = 10_000;

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final TopicReader reader;
    private final Counter republished;

    OutboxAudit(
            OutboxStore store,
            OutboxRelay relay,
            OutboxConfig config,
            KafkaConnection connection,
            MeterRegistry registry) {
        this.store = store;
        this.relay = relay;
        this.config = config;
        this.reader = new TopicReader(connection);
        this.republished = Counter.builder("ltsa.outbox.audit.republished")
                .description("Events the broker had acknowledged but no longer held, published again")
                .register(registry);
    }

    @Scheduled(
            every = "${ltsa.outbox.audit-interval:1m}",
            delayed = "${ltsa.outbox.audit-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void audit() {
        try {
            List<PublishedEvent> unverified = store.unverified(config.auditAfter(), BATCH);
            if (unverified.isEmpty()) {
                return;
            }
            Map<String, List<PublishedEvent>> byTopic =
                    unverified.stream().collect(Collectors.groupingBy(PublishedEvent::topic));
            List<UUID> found = new ArrayList<>();
            Set<String> lostKeys = new LinkedHashSet<>();
            int lost = 0;
            for (Map.Entry<String, List<PublishedEvent>> topic : byTopic.entrySet()) {
                // the record's own time is stamped at send, before the acknowledgement that set published_at
                Instant since = topic.getValue()
                        .get(0)
                        .publishedAt()
                        .minus(config.publishTimeout())
                        .minusSeconds(60);
                Set<UUID> present = reader.eventIdsSince(topic.getKey(), since, config.publishTimeout());
                for (PublishedEvent event : topic.getValue()) {
                    if (present.contains(event.eventId())) {
                        found.add(event.eventId());
                    } else {
                        lostKeys.add(event.key());
                        lost++;
                    }
                }
            }
            if (!found.isEmpty()) {
                store.markVerified(found);
            }
            int queued = 0;
            for (String key : lostKeys) {
                queued += store.republishNow(key);
            }
            if (lost > 0) {
                republished.increment(queued);
                LOG.warnf(
                        "%d acknowledged events are no longer in the broker's log (%d keys): %d queued again",
                        lost, lostKeys.size(), queued);
                relay.wake();
            }
        } catch (Exception e) {
            // the broker or the database is away: the events stay unverified and are looked for next time
            LOG.debugf("Outbox audit postponed: %s", e.getMessage());
        }
    }
}
