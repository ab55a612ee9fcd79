package id.ltsa.relay.notification.modem;

import id.ltsa.relay.notification.decision.NotificationsRequeued;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Learns from gammu's tables what became of the messages handed to the modem:
 * <ul>
 *   <li>sent (in {@code sentitems} as sent): the notification is SENT, at the time gammu sent it;</li>
 *   <li>failed (in {@code sentitems} as an error: no credit, no network): PENDING again, counted in
 *   {@code modem_failures}, to be routed anew: by the modem again while the internet is silent (a few times), by the
 *   internet once it answers;</li>
 *   <li>never taken (still in gammu's {@code outbox}, untouched, past {@code ltsa.modem.patience}: the daemon or the
 *   modem is gone): the row is taken back from gammu's outbox and the notification routed anew. gammu marks a row it
 *   starts sending by moving {@code SendingTimeOut} ahead, so a row it is sending is never taken back.</li>
 * </ul>
 * A link alert SMS the modem failed is handed to it again, a few times: nothing else can reach those people. Each
 * step is one statement per table, so a second instance doing the same changes nothing twice. With nothing at the
 * modem (most of an office's days) a round is one query.
 */
@ApplicationScoped
class ModemReceipts {

    private static final Logger LOG = Logger.getLogger(ModemReceipts.class);
    /** gammu's words for a message the network took, and for one it did not. */
    static final List<String> SENT =
            List.of("SendingOK", "SendingOKNoReport", "DeliveryOK", "DeliveryPending", "DeliveryUnknown");

    static final List<String> FAILED = List.of("SendingError", "DeliveryFailed", "Error");
    private static final Duration RETRY_AFTER_MODEM_FAILURE = Duration.ofSeconds(30);
    private static final int ALERT_TRIES = 3;

    private final EntityManager entityManager;
    private final ModemOutbox outbox;
    private final Event<NotificationsRequeued> requeued;
    private final Clock clock;

    ModemReceipts(EntityManager entityManager, ModemOutbox outbox, Event<NotificationsRequeued> requeued, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.requeued = requeued;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ltsa.modem.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ModemAbsent.class)
    void collect() {
        if (!QuarkusTransaction.requiringNew().call(this::anythingAtTheModem)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::notifications);
        QuarkusTransaction.requiringNew().run(this::takeBackUntouched);
        QuarkusTransaction.requiringNew().run(this::alerts);
    }

    /** Read from the two partial indexes of messages at the modem, which are empty unless the modem has work. */
    private boolean anythingAtTheModem() {
        return (Boolean) entityManager
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM notification WHERE status = 'MODEM')"
                        + " OR EXISTS (SELECT 1 FROM link_alert WHERE status = 'MODEM')")
                .getSingleResult();
    }

    private void notifications() {
        int sent = entityManager.createNativeQuery("""
                UPDATE notification n SET status = 'SENT', sent_at = s."SendingDateTime" AT TIME ZONE 'UTC',
                    last_error = NULL
                FROM gammu.sentitems s
                WHERE n.status = 'MODEM' AND s."ID" = n.modem_message_id AND s."Status" IN (?1)""").setParameter(1, SENT).executeUpdate();
        int failed = entityManager
                .createNativeQuery("""
                UPDATE notification n SET status = 'PENDING', channel = NULL, modem_message_id = NULL,
                    modem_failures = n.modem_failures + 1,
                    last_error = 'the modem could not send it: ' || s."Status", next_attempt_at = ?2
                FROM gammu.sentitems s
                WHERE n.status = 'MODEM' AND s."ID" = n.modem_message_id AND s."Status" IN (?1)""")
                .setParameter(1, FAILED)
                .setParameter(2, clock.instant().plus(RETRY_AFTER_MODEM_FAILURE))
                .executeUpdate();
        if (failed > 0) {
            LOG.warnf("The modem failed %d message(s); they are routed again", failed);
            requeued.fire(new NotificationsRequeued(failed));
        }
        if (sent > 0) {
            LOG.debugf("The modem sent %d message(s)", sent);
        }
    }

    /**
     * Messages gammu never started on, past their patience: back from its outbox, and routed anew. Not a modem
     * failure (the modem never tried): once gammu reports the modem gone they wait, and when it is back they go.
     */
    private void takeBackUntouched() {
        Instant now = clock.instant();
        int taken = entityManager.createNativeQuery("""
                WITH taken AS (
                    DELETE FROM gammu.outbox o USING notification n
                    WHERE n.status = 'MODEM' AND o."ID" = n.modem_message_id AND n.next_attempt_at <= ?1
                        AND o."SendingTimeOut" <= now() AT TIME ZONE 'UTC' AND coalesce(o."Retries", 0) = 0
                    RETURNING o."ID")
                UPDATE notification n SET status = 'PENDING', channel = NULL, modem_message_id = NULL,
                    next_attempt_at = ?1, last_error = 'the modem did not take it in time'
                FROM taken WHERE n.modem_message_id = taken."ID" AND n.status = 'MODEM'""").setParameter(1, now).executeUpdate();
        if (taken > 0) {
            LOG.warnf("%d message(s) waited too long for the modem (is gammu-smsd running?); routed again", taken);
            requeued.fire(new NotificationsRequeued(taken));
        }
    }

    private void alerts() {
        entityManager.createNativeQuery("""
                UPDATE link_alert a SET status = 'SENT', sent_at = s."SendingDateTime" AT TIME ZONE 'UTC',
                    last_error = NULL
                FROM gammu.sentitems s
                WHERE a.status = 'MODEM' AND s."ID" = a.modem_message_id AND s."Status" IN (?1)""").setParameter(1, SENT).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> failed =
                entityManager.createNativeQuery("""
                SELECT a.id, a.recipient, a.body, a.attempts, s."Status" FROM link_alert a
                JOIN gammu.sentitems s ON s."ID" = a.modem_message_id
                WHERE a.status = 'MODEM' AND s."Status" IN (?1) FOR UPDATE OF a SKIP LOCKED""").setParameter(1, FAILED).getResultList();
        for (Object[] alert : failed) {
            int attempts = ((Number) alert[3]).intValue();
            boolean again = attempts < ALERT_TRIES;
            entityManager
                    .createNativeQuery("""
                    UPDATE link_alert SET modem_message_id = ?2, attempts = ?3, status = ?4, last_error = ?5
                    WHERE id = ?1""")
                    .setParameter(1, alert[0])
                    .setParameter(2, again ? outbox.queue((String) alert[1], (String) alert[2]) : null)
                    .setParameter(3, again ? attempts + 1 : attempts)
                    .setParameter(4, again ? "MODEM" : "FAILED")
                    .setParameter(5, "the modem could not send it: " + alert[4])
                    .executeUpdate();
            LOG.warnf("An alert SMS failed at the modem (%s); %s", alert[4], again ? "handed to it again" : "given up");
        }
    }
}
