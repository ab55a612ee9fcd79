package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicationErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Erases what this service keeps to reach an applicant once intake has erased their personal data: the recipient's
 * name, phone and email, the office modem's record of the SMS sent to them, and any message still waiting (it could
 * no longer be addressed; it is marked FAILED, so the log says it was never sent). In the consumer's transaction.
 */
@ApplicationScoped
class RecipientErasure {

    private static final Logger LOG = Logger.getLogger(RecipientErasure.class);

    private final EntityManager entityManager;
    private final Clock clock;

    RecipientErasure(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void erase(ApplicationErased erased) {
        Instant now = clock.instant();
        // its messages first, in id order, then the application's lock (its recipient row): the order in which the
        // look for due messages takes them, so the two cannot deadlock; a decision holds the recipient row only
        int failed = entityManager
                .createNativeQuery("""
                UPDATE notification SET status = 'FAILED', last_error = 'personal data erased before it was sent'
                WHERE id IN (SELECT id FROM notification WHERE application_id = ?1 AND status = 'PENDING'
                    ORDER BY id FOR UPDATE)""")
                .setParameter(1, erased.applicationId())
                .executeUpdate();
        Recipient recipient = Recipient.findById(erased.applicationId(), LockModeType.PESSIMISTIC_WRITE);
        if (modemTablesExist()) {
            // gammu keeps the number and the text of every SMS it sent; these were this applicant's
            entityManager
                    .createNativeQuery("""
                    DELETE FROM gammu.sentitems WHERE "ID" IN (SELECT modem_message_id FROM notification
                        WHERE application_id = ?1 AND modem_message_id IS NOT NULL AND status <> 'MODEM')""")
                    .setParameter(1, erased.applicationId())
                    .executeUpdate();
        }
        if (recipient != null) {
            recipient.fullName = null;
            recipient.phone = null;
            recipient.email = null;
            recipient.erasedAt = now;
            recipient.updatedAt = now;
        }
        LOG.infof(
                "Application %s: contact details erased (%s)%s",
                erased.applicationId(),
                erased.reason(),
                failed > 0 ? ", " + failed + " unsent message(s) given up" : "");
    }

    private boolean modemTablesExist() {
        return entityManager
                                .createNativeQuery("SELECT to_regclass('gammu.sentitems') IS NOT NULL")
                                .getSingleResult()
                        instanceof Boolean exists
                && exists;
    }
}
