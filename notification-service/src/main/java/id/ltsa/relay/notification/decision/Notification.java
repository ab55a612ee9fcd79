package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.LifecyclePosition;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** One message decided for one transition of one application; its id is the gateway's idempotency key. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "office_code")
    public String officeCode;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus transition;

    public int revision;
    public int episode;
    public String reason;
    /** The way it went, or goes; null until it is first routed. */
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;

    public String language;
    public String template;

    @Enumerated(EnumType.STRING)
    public NotificationStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at")
    public Instant createdAt;
    /** The W3C traceparent of the event that decided this message. */
    public String traceparent;
    /** gammu's id of the SMS, while and after the modem has it. */
    @Column(name = "modem_message_id")
    public Integer modemMessageId;
    /**
     * A gateway or mail call for this message may have arrived (it timed out, was cut after the request left, or was
     * answered with a 5xx other than 503): it is never sent by the modem, and never falls back to another channel.
     */
    @Column(name = "gateway_maybe_delivered")
    public boolean gatewayMaybeDelivered;
    /**
     * Set when a call is claimed, before it is made, and cleared when its outcome is recorded: a sender that died
     * mid-call leaves it set, and the message then never goes by the modem (the gateway may have it).
     */
    @Column(name = "call_in_flight")
    public boolean callInFlight;
    /** How often the modem failed it; past a few, it waits for the internet instead. */
    @Column(name = "modem_failures")
    public int modemFailures;

    /** Whether the gateway or the mail relay could already have this message. */
    public boolean mayHaveLeftByInternet() {
        return gatewayMaybeDelivered || callInFlight;
    }

    public LifecyclePosition position() {
        return new LifecyclePosition(revision, transition);
    }

    /** What recording a delivery in one statement came to. */
    public enum SentRecord {
        /** The claim no longer holds (it ran out and another attempt took the message, or the message is gone). */
        NOT_RECORDED,
        /** Recorded, and nothing else of the application waits. */
        RECORDED,
        /** Recorded, and another message of the application waits: the look for due messages takes it. */
        RECORDED_OTHERS_WAIT
    }

    /**
     * Records a message as sent, in one statement, if its claim still holds (PENDING, under the attempt that was made),
     * and says whether another message of its application waits (read in the same statement). The one row it locks
     * keeps it clear of an erasure's lock order (messages in id order, then the recipient).
     *
     * <p>The message waiting behind this one is not taken here: the look for due messages takes it, after the
     * application's lock (see {@code NotificationClaims.claimDue}). Taken here, as it was, it cost the application's
     * messages locked and read, the recipient locked and the messages read again, in a transaction of its own: about
     * five round trips for every message decided while the one before it was still at the gateway (the performance
     * issue).
     *
     * <p>On a JDBC connection of the caller's, not Hibernate's: on one outside any transaction the statement commits on
     * its own, one round trip instead of two (the statement with its BEGIN, then the COMMIT), and Hibernate writes only
     * inside a transaction.
     */
    public static SentRecord recordSent(Connection connection, UUID id, UUID applicationId, int attempt, Instant sentAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE notification SET status = 'SENT', sent_at = ?, call_in_flight = false, last_error = NULL
                WHERE id = ? AND status = 'PENDING' AND attempts = ?
                RETURNING EXISTS (SELECT 1 FROM notification other
                    WHERE other.application_id = ? AND other.id <> ? AND other.status IN ('PENDING', 'MODEM'))""")) {
            update.setObject(1, sentAt.atOffset(ZoneOffset.UTC));
            update.setObject(2, id);
            update.setInt(3, attempt);
            update.setObject(4, applicationId);
            update.setObject(5, id);
            try (ResultSet recorded = update.executeQuery()) {
                if (!recorded.next()) {
                    return SentRecord.NOT_RECORDED;
                }
                return recorded.getBoolean(1) ? SentRecord.RECORDED_OTHERS_WAIT : SentRecord.RECORDED;
            }
        }
    }

    /**
     * Undoes a claim no call was made under, if it is still that claim (PENDING, in flight, the same attempt): not in
     * flight, the attempt not counted, due at {@code dueAt}. Whether an earlier call may have arrived
     * ({@link #gatewayMaybeDelivered}) stays as it is.
     */
    public static void releaseClaim(UUID id, int attempt, Instant dueAt) {
        update("""
                callInFlight = false, attempts = attempts - 1, nextAttemptAt = ?1
                where id = ?2 and status = PENDING and callInFlight = true and attempts = ?3""", dueAt, id, attempt);
    }

    /** When the earliest message waiting to be sent is due (read from the index of pending ones); empty if none waits. */
    public static Optional<Instant> earliestPending() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(n.nextAttemptAt) from Notification n where n.status = :pending", Instant.class)
                .setParameter("pending", NotificationStatus.PENDING)
                .getSingleResult());
    }
}
