package id.ltsa.relay.notification.modem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Learns from gammu's {@code sentitems} what became of the messages handed to the modem: a message the modem sent is
 * SENT (at the time gammu sent it); one the modem failed goes back to PENDING, to be routed again (by the modem while
 * the uplink is down, by the internet once it is back). The same for link alerts sent by SMS. One statement per table,
 * so a second instance doing the same changes nothing twice.
 */
@ApplicationScoped
class ModemReceipts {

    private static final Logger LOG = Logger.getLogger(ModemReceipts.class);
    /** gammu's words for a message the network took, and for one it did not. */
    static final List<String> SENT = List.of("SendingOK", "SendingOKNoReport", "DeliveryOK", "DeliveryPending",
            "DeliveryUnknown");
    static final List<String> FAILED = List.of("SendingError", "DeliveryFailed", "Error");
    private static final Duration RETRY_AFTER_MODEM_FAILURE = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final int maxAttempts;
    private final Clock clock;

    ModemReceipts(EntityManager entityManager,
            @ConfigProperty(name = "ltsa.notification.max-attempts", defaultValue = "12") int maxAttempts,
            Clock clock) {
        this.entityManager = entityManager;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Scheduled(every = "${ltsa.modem.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ModemAbsent.class)
    void collect() {
        QuarkusTransaction.requiringNew().run(this::apply);
    }

    private void apply() {
        Instant now = clock.instant();
        int sent = entityManager.createNativeQuery("""
                UPDATE notification n SET status = 'SENT', sent_at = s."SendingDateTime" AT TIME ZONE 'UTC',
                    last_error = NULL
                FROM gammu.sentitems s
                WHERE n.status = 'MODEM' AND s."ID" = n.modem_message_id AND s."Status" IN (?1)""")
                .setParameter(1, SENT).executeUpdate();
        int failed = entityManager.createNativeQuery("""
                UPDATE notification n SET status = CASE WHEN n.attempts >= ?3 THEN 'FAILED' ELSE 'PENDING' END,
                    channel = NULL, modem_message_id = NULL,
                    last_error = 'the modem could not send it: ' || s."Status", next_attempt_at = ?2
                FROM gammu.sentitems s
                WHERE n.status = 'MODEM' AND s."ID" = n.modem_message_id AND s."Status" IN (?1)""")
                .setParameter(1, FAILED).setParameter(2, now.plus(RETRY_AFTER_MODEM_FAILURE))
                .setParameter(3, maxAttempts).executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE link_alert a SET status = CASE WHEN s."Status" IN (?1) THEN 'SENT' ELSE 'FAILED' END,
                    sent_at = s."SendingDateTime" AT TIME ZONE 'UTC', last_error = s."Status"
                FROM gammu.sentitems s
                WHERE a.status = 'MODEM' AND s."ID" = a.modem_message_id AND s."Status" IN (?2)""")
                .setParameter(1, SENT).setParameter(2, concat(SENT, FAILED)).executeUpdate();
        if (failed > 0) {
            LOG.warnf("The modem failed %d message(s); they are routed again", failed);
        }
        if (sent > 0) {
            LOG.debugf("The modem sent %d message(s)", sent);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
