package id.ltsa.relay.notification.query;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.modem.GammuTime;
import id.ltsa.relay.notification.modem.ModemAbsent;
import id.ltsa.relay.notification.modem.ModemConfig;
import id.ltsa.relay.notification.modem.ModemOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers SMS sent to the office modem, with or without the internet: "CEK LT-ABCD2345" gets the application's status
 * back by modem. Each SMS gammu stored in its {@code inbox} is handled in a transaction of its own that writes the
 * answer to gammu's outbox, records the SMS in {@code sms_query} and marks it processed: answered once, whatever
 * crashes. (Two instances each count only committed answers, so a burst may pass the hourly limit by one or two.)
 * At most {@code ltsa.modem.answers-per-hour} answers go to one number in an hour.
 */
@ApplicationScoped
class StatusQueries {

    private static final Logger LOG = Logger.getLogger(StatusQueries.class);

    /** How an SMS was handled, as sms_query.outcome. */
    enum Outcome {
        ANSWERED,
        UNKNOWN_CODE,
        HOW_TO_ASK,
        NOT_A_QUERY,
        UNANSWERABLE_SENDER,
        RATE_LIMITED
    }

    private final EntityManager entityManager;
    private final ModemOutbox outbox;
    private final QueryAnswers answers;
    private final ModemConfig settings;
    private final Clock clock;

    StatusQueries(
            EntityManager entityManager, ModemOutbox outbox, QueryAnswers answers, ModemConfig settings, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.answers = answers;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ltsa.modem.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ModemAbsent.class)
    void answerNew() {
        @SuppressWarnings("unchecked")
        List<Number> arrived = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT \"ID\" FROM gammu.inbox WHERE NOT \"Processed\" ORDER BY \"ID\" LIMIT 20")
                .getResultList());
        for (Number id : arrived) {
            try {
                // one transaction each: an SMS this cannot handle does not hold up the others
                QuarkusTransaction.requiringNew().run(() -> answer(id.intValue()));
            } catch (RuntimeException e) {
                LOG.errorf(
                        "SMS %d to the modem could not be handled, tried again next round: %s",
                        id.intValue(), e.getMessage());
            }
        }
    }

    private void answer(int inboxId) {
        @SuppressWarnings("unchecked")
        List<Object[]> sms =
                entityManager.createNativeQuery("""
                SELECT "ID", "SenderNumber", "TextDecoded", "ReceivingDateTime" AT TIME ZONE 'UTC'
                FROM gammu.inbox WHERE "ID" = ?1 AND NOT "Processed" FOR UPDATE SKIP LOCKED""").setParameter(1, inboxId).getResultList();
        if (!sms.isEmpty()) {
            handle(inboxId, (String) sms.get(0)[1], (String) sms.get(0)[2], GammuTime.toInstant(sms.get(0)[3]));
        }
    }

    private void handle(int inboxId, String sender, String text, Instant receivedAt) {
        QueryText.Parsed parsed = QueryText.parse(text);
        Outcome outcome;
        String answer = null;
        if (parsed.kind() == QueryText.Kind.NOT_A_QUERY) {
            outcome = Outcome.NOT_A_QUERY;
        } else if (!QueryText.answerable(sender)) {
            outcome = Outcome.UNANSWERABLE_SENDER;
        } else if (answersInTheLastHour(sender) >= settings.answersPerHour()) {
            outcome = Outcome.RATE_LIMITED;
        } else if (parsed.kind() == QueryText.Kind.QUERY_WITHOUT_CODE) {
            outcome = Outcome.HOW_TO_ASK;
            answer = answers.howToAsk();
        } else {
            answer = statusOf(parsed.trackingCode());
            outcome = answer == null ? Outcome.UNKNOWN_CODE : Outcome.ANSWERED;
            if (answer == null) {
                answer = answers.unknown(parsed.trackingCode());
            }
        }
        Integer modemMessageId = answer == null ? null : outbox.queue(sender.trim(), answer);
        entityManager
                .createNativeQuery("""
                INSERT INTO sms_query (inbox_id, sender, tracking_code, outcome, modem_message_id, received_at,
                    handled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (inbox_id) DO NOTHING""")
                .setParameter(1, inboxId)
                .setParameter(2, sender)
                .setParameter(3, parsed.trackingCode())
                .setParameter(4, outcome.name())
                .setParameter(5, modemMessageId)
                .setParameter(6, receivedAt)
                .setParameter(7, clock.instant())
                .executeUpdate();
        entityManager
                .createNativeQuery("UPDATE gammu.inbox SET \"Processed\" = true WHERE \"ID\" = ?1")
                .setParameter(1, inboxId)
                .executeUpdate();
        LOG.infof("SMS %d to the modem: %s", inboxId, outcome);
    }

    /** The answer for a known code, or null for an unknown one. */
    private String statusOf(String trackingCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                SELECT full_name, language, status, status_at FROM recipient
                WHERE tracking_code = ?1 ORDER BY updated_at DESC LIMIT 1""")
                .setParameter(1, trackingCode)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return answers.status(
                trackingCode,
                (String) row[0],
                (String) row[1],
                ApplicationStatus.valueOf((String) row[2]),
                GammuTime.toInstant(row[3]));
    }

    private long answersInTheLastHour(String sender) {
        return ((Number) entityManager
                        .createNativeQuery("""
                SELECT count(*) FROM sms_query
                WHERE sender = ?1 AND modem_message_id IS NOT NULL AND handled_at > ?2""")
                        .setParameter(1, sender)
                        .setParameter(2, clock.instant().minus(Duration.ofHours(1)))
                        .getSingleResult())
                .longValue();
    }
}
