package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/** One application on its way to the central API, with its retry state. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "office_code")
    public String officeCode;

    public int revision;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    public String payload;

    @Column(name = "central_reference")
    public String centralReference;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public int episode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "queued_at")
    public Instant queuedAt;
    /** When the office received this revision (the event's time). */
    @Column(name = "received_at")
    public Instant receivedAt;
    /** When the central API accepted it; null until then. */
    @Column(name = "submitted_at")
    public Instant submittedAt;
    /** The W3C traceparent of the event that queued this revision. */
    public String traceparent;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Writes this new submission, as it is, unless its application is already queued (intake published it again under
     * another event id), in one statement: looked up first, it was a round trip more for every application (the
     * performance issue). A new submission has no reference, attempt, error or submission time yet.
     *
     * @return whether it was written
     */
    public boolean insertIfNew() {
        return getEntityManager()
                        .createNativeQuery("""
                        INSERT INTO submission (application_id, tracking_code, office_code, revision, status, payload,
                            attempts, next_attempt_at, episode, queued_at, received_at, traceparent, updated_at)
                        VALUES (:id, :trackingCode, :office, :revision, :status, :payload, 0, :nextAttemptAt, :episode,
                            :queuedAt, :receivedAt, :traceparent, :updatedAt)
                        ON CONFLICT (application_id) DO NOTHING""")
                        .setParameter("id", applicationId)
                        .setParameter("trackingCode", trackingCode)
                        .setParameter("office", officeCode)
                        .setParameter("revision", revision)
                        .setParameter("status", status.name())
                        .setParameter("payload", payload)
                        .setParameter("nextAttemptAt", nextAttemptAt)
                        .setParameter("episode", episode)
                        .setParameter("queuedAt", queuedAt)
                        .setParameter("receivedAt", receivedAt)
                        // typed: a null of unknown type is not always bound as one the column takes
                        .setParameter("traceparent", new TypedParameterValue<>(StandardBasicTypes.STRING, traceparent))
                        .setParameter("updatedAt", updatedAt)
                        .executeUpdate()
                == 1;
    }

    /**
     * Records the central API's acceptance in one statement, if the submission is still pending at this revision and
     * no other application has the reference (callbacks name applications by it): an attempt counted, the reference
     * and the time kept, SUBMITTED. The row is locked first in the same statement, so the status it gives back is the
     * one the row had when it changed. Locked and read, then written, it was a round trip more for every application
     * (the performance issue).
     *
     * @return the submission as the statement left it but for its status, still the one it had (not managed: for its
     *     status event, which names both), or empty if nothing changed (the caller then finds out why)
     */
    public static Optional<Submission> recordSubmitted(UUID applicationId, int revision, String reference, Instant at) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                        WITH before AS (
                            SELECT application_id, status FROM submission WHERE application_id = :id FOR NO KEY UPDATE)
                        UPDATE submission s SET attempts = s.attempts + 1, central_reference = :reference,
                            submitted_at = :at, last_error = NULL, status = 'SUBMITTED', updated_at = :at
                        FROM before
                        WHERE s.application_id = before.application_id AND s.revision = :revision
                            AND s.status = ANY (:pending)
                            AND NOT EXISTS (SELECT 1 FROM submission other
                                WHERE other.central_reference = :reference AND other.application_id <> :id)
                        RETURNING before.status, s.tracking_code, s.office_code::text, s.attempts, s.episode""")
                // office_code as text: a CHAR(4) column, untyped, Hibernate would read as one Character
                .setParameter("id", applicationId)
                .setParameter("reference", reference)
                .setParameter("at", at)
                .setParameter("revision", revision)
                .setParameter(
                        "pending",
                        ApplicationStatus.pending().stream().map(Enum::name).toArray(String[]::new))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Submission before = new Submission();
        before.applicationId = applicationId;
        before.revision = revision;
        before.status = ApplicationStatus.valueOf((String) row[0]);
        before.trackingCode = (String) row[1];
        before.officeCode = (String) row[2];
        before.attempts = ((Number) row[3]).intValue();
        before.episode = ((Number) row[4]).intValue();
        before.centralReference = reference;
        before.submittedAt = at;
        return Optional.of(before);
    }

    /** Applications not yet handed over to the central API and not final ({@link ApplicationStatus#isPending}). */
    public static long countPending() {
        return count("status in ?1", ApplicationStatus.pending());
    }

    /** The key the central API deduplicates on: one per application revision, the same on every retry. */
    public String idempotencyKey() {
        return idempotencyKey(applicationId, revision);
    }

    /** The one place the key's format is written: a claim builds it from the columns it returns. */
    public static String idempotencyKey(UUID applicationId, int revision) {
        return applicationId + "-r" + revision;
    }
}
