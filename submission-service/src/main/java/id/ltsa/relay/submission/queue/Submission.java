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
