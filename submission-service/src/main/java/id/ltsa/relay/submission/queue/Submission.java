package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

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
     * The insert of this new submission, as it is, unless its application is queued already (intake published it again
     * under another event id): a change for {@code Outbox.appendIf}, so its status events go in the same statement and
     * only if it was new. A new submission has no reference, attempt, error or submission time yet. Looked up first,
     * then written, then announced, it was two round trips more for every application (the performance issue).
     */
    public static final String INSERT_IF_NEW = """
            INSERT INTO submission (application_id, tracking_code, office_code, revision, status, payload, attempts,
                next_attempt_at, episode, queued_at, received_at, traceparent, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (application_id) DO NOTHING
            RETURNING application_id""";

    /** Sets {@link #INSERT_IF_NEW}'s parameters to this submission's columns, from {@code first} on. */
    public void insertParameters(PreparedStatement statement, int first) throws SQLException {
        statement.setObject(first, applicationId);
        statement.setString(first + 1, trackingCode);
        statement.setString(first + 2, officeCode);
        statement.setInt(first + 3, revision);
        statement.setString(first + 4, status.name());
        statement.setString(first + 5, payload);
        statement.setTimestamp(first + 6, Timestamp.from(nextAttemptAt));
        statement.setInt(first + 7, episode);
        statement.setTimestamp(first + 8, Timestamp.from(queuedAt));
        statement.setTimestamp(first + 9, Timestamp.from(receivedAt));
        statement.setString(first + 10, traceparent);
        statement.setTimestamp(first + 11, Timestamp.from(updatedAt));
    }

    /**
     * The central API's acceptance, as a change for {@code Outbox.appendIf}: an attempt counted, the reference and the
     * time kept, SUBMITTED. Made only if the submission is still as it was claimed (pending in the same status, at the
     * same revision, attempt and DELAYED episode), so that its SUBMITTED event, built from the claim beforehand, says
     * what happened; and only if no other application has the reference (callbacks name applications by it). The
     * UPDATE tests this on the row as it is once locked (READ COMMITTED). Anything else goes the long way. A
     * transaction of a locking read, an update and the event's insert, it was two round trips more for every
     * application (the performance issue).
     */
    public static final String ACCEPTED_AS_CLAIMED = """
            UPDATE submission SET attempts = attempts + 1, central_reference = ?, submitted_at = ?, last_error = NULL,
                status = 'SUBMITTED', updated_at = ?
            WHERE application_id = ? AND revision = ? AND status = ? AND attempts = ? AND episode = ?
                AND NOT EXISTS (SELECT 1 FROM submission other
                    WHERE other.central_reference = ? AND other.application_id <> ?)
            RETURNING application_id""";

    /**
     * Sets {@link #ACCEPTED_AS_CLAIMED}'s parameters, from {@code first} on, for this submission as claimed (its status,
     * attempts and episode then) and the acceptance (its reference and time, already set here).
     */
    public void acceptedParameters(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, centralReference);
        statement.setTimestamp(first + 1, Timestamp.from(submittedAt));
        statement.setTimestamp(first + 2, Timestamp.from(submittedAt));
        statement.setObject(first + 3, applicationId);
        statement.setInt(first + 4, revision);
        statement.setString(first + 5, status.name());
        statement.setInt(first + 6, attempts);
        statement.setInt(first + 7, episode);
        statement.setString(first + 8, centralReference);
        statement.setObject(first + 9, applicationId);
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
