package id.ltsa.relay.contracts.testing;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import java.time.Instant;
import java.util.UUID;

/**
 * A status event as submission-service publishes it, for the tests of its consumers, built here once: a test sets only
 * what it is about. By default it is the first attempt of revision 1 at Darwan's office, a SUBMITTED carries a central
 * reference and a DELAYED opens the first outage episode.
 */
public final class SampleStatusChange {

    private final UUID applicationId;
    private final ApplicationStatus status;
    private String trackingCode = "LT-TEST0001";
    private String officeCode = SampleApplicant.OFFICE;
    private ApplicationStatus previousStatus;
    private String reason;
    private String centralReference;
    private int attempt = 1;
    private int revision = 1;
    private int episode;
    private Instant occurredAt = Instant.now();

    private SampleStatusChange(UUID applicationId, ApplicationStatus status) {
        this.applicationId = applicationId;
        this.status = status;
        this.centralReference = status == ApplicationStatus.SUBMITTED ? "PAS-" + applicationId : null;
        this.episode = status == ApplicationStatus.DELAYED ? 1 : 0;
    }

    public static SampleStatusChange of(UUID applicationId, ApplicationStatus status) {
        return new SampleStatusChange(applicationId, status);
    }

    public static SampleStatusChange of(String applicationId, ApplicationStatus status) {
        return of(UUID.fromString(applicationId), status);
    }

    public SampleStatusChange trackingCode(String trackingCode) {
        this.trackingCode = trackingCode;
        return this;
    }

    public SampleStatusChange office(String officeCode) {
        this.officeCode = officeCode;
        return this;
    }

    public SampleStatusChange from(ApplicationStatus previousStatus) {
        this.previousStatus = previousStatus;
        return this;
    }

    public SampleStatusChange reason(String reason) {
        this.reason = reason;
        return this;
    }

    public SampleStatusChange centralReference(String centralReference) {
        this.centralReference = centralReference;
        return this;
    }

    public SampleStatusChange attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    public SampleStatusChange episode(int episode) {
        this.episode = episode;
        return this;
    }

    public SampleStatusChange revision(int revision) {
        this.revision = revision;
        return this;
    }

    public SampleStatusChange at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public ApplicationStatusChanged build() {
        return new ApplicationStatusChanged(
                applicationId,
                trackingCode,
                officeCode,
                status,
                previousStatus,
                reason,
                centralReference,
                attempt,
                null,
                revision,
                episode,
                occurredAt);
    }
}
