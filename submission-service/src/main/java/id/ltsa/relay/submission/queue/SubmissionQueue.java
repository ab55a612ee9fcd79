package id.ltsa.relay.submission.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkStatus;
import id.ltsa.relay.trace.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Puts applications on the queue for the central API, and takes them off when they are amended or withdrawn. */
@ApplicationScoped
public class SubmissionQueue {

    private static final Logger LOG = Logger.getLogger(SubmissionQueue.class);
    /** What an erased application's snapshot becomes: the column is NOT NULL, and no JSON reader expects text. */
    static final String ERASED = "{}";

    private final StatusPublisher status;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<SubmissionDue> due;
    private final CentralLink link;

    SubmissionQueue(
            StatusPublisher status, ObjectMapper json, Clock clock, Event<SubmissionDue> due, CentralLink link) {
        this.status = status;
        this.json = json;
        this.clock = clock;
        this.due = due;
        this.link = link;
    }

    void enqueue(ApplicationReceived received) {
        Instant now = clock.instant();
        Submission submission = new Submission();
        submission.applicationId = received.applicationId();
        submission.trackingCode = received.trackingCode();
        submission.officeCode = received.officeCode();
        submission.revision = received.revision();
        submission.status = ApplicationStatus.RECEIVED;
        submission.payload = payloadOf(received);
        submission.nextAttemptAt = now;
        submission.queuedAt = now;
        submission.receivedAt = received.occurredAt();
        submission.traceparent = TraceParent.current();
        submission.updatedAt = now;
        // written as it ends up, and announced only if it was new, in one statement (see INSERT_IF_NEW)
        List<ApplicationStatusChanged> events = new ArrayList<>();
        events.add(status.move(submission, ApplicationStatus.QUEUED, null));
        LinkStatus link = this.link.current();
        if (link.isDown()) {
            // the applicant hears at once that it is safe, not after a retry
            events.add(DelayedEpisodes.move(submission, status, "Central API unreachable: " + link.lastError()));
        }
        if (!status.announceIf(Submission.INSERT_IF_NEW, submission::insertParameters, submission, events)) {
            return; // the same application under another event id: already queued
        }
        due.fire(new SubmissionDue());
    }

    /** Queued while the link is known to be down: the applicant hears at once that it is safe, not after a retry. */
    private void holdIfLinkDown(Submission submission) {
        LinkStatus link = this.link.current();
        if (link.isDown()) {
            DelayedEpisodes.enter(submission, status, "Central API unreachable: " + link.lastError());
        }
    }

    void amend(ApplicationAmended amended) {
        Submission submission = Submission.findById(amended.applicationId(), LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || amended.revision() <= submission.revision) {
            return;
        }
        Instant now = clock.instant();
        submission.revision = amended.revision();
        submission.payload = payloadOf(amended);
        submission.attempts = 0;
        submission.episode = 0;
        submission.lastError = null;
        submission.nextAttemptAt = now;
        submission.queuedAt = now;
        submission.receivedAt = amended.occurredAt();
        submission.traceparent = TraceParent.current();
        submission.submittedAt = null;
        submission.status = ApplicationStatus.RECEIVED;
        status.transition(submission, ApplicationStatus.QUEUED, null);
        holdIfLinkDown(submission);
        due.fire(new SubmissionDue());
    }

    /** The event as forwarded later; it was read from JSON a moment ago, so writing it back cannot fail. */
    private String payloadOf(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write back an event just read: " + event.getClass(), e);
        }
    }

    void withdraw(ApplicationWithdrawn withdrawn) {
        Submission submission = Submission.findById(withdrawn.applicationId(), LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || submission.status.isFinal()) {
            return;
        }
        // intake announced the withdrawal itself; here it only stops a pending send
        submission.status = ApplicationStatus.WITHDRAWN;
        submission.updatedAt = clock.instant();
        LOG.infof("Application %s withdrawn; no further sends", submission.applicationId);
    }

    /**
     * intake erased the applicant's personal data: so is the snapshot kept here to send to central. Only a final
     * application is erased, so nothing is left to send; a send still pending (a withdrawal this service has not
     * seen, which cannot be, as it comes first on the same key) is stopped all the same.
     */
    void erase(ApplicationErased erased) {
        Submission submission = Submission.findById(erased.applicationId(), LockModeType.PESSIMISTIC_WRITE);
        if (submission == null) {
            return;
        }
        submission.payload = ERASED;
        if (submission.status.isPending()) {
            submission.status = ApplicationStatus.WITHDRAWN;
        }
        submission.updatedAt = clock.instant();
        LOG.infof("Application %s: personal data erased (%s)", submission.applicationId, erased.reason());
    }
}
