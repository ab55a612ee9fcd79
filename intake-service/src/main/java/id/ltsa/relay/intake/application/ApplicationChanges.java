package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.link.CentralLinks;
import id.ltsa.relay.intake.web.Problems;
import id.ltsa.relay.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What an office may do to an application after registering it: withdraw it, or amend it once it was RETURNED. */
@ApplicationScoped
public class ApplicationChanges {

    private static final Logger LOG = Logger.getLogger(ApplicationChanges.class);

    private final ApplicationValidator validator;
    private final Outbox outbox;
    private final Clock clock;
    private final CentralLinks links;

    ApplicationChanges(ApplicationValidator validator, Outbox outbox, Clock clock, CentralLinks links) {
        this.validator = validator;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    @Transactional
    public ApplicationView withdraw(String id, Caller caller, WithdrawalRequest request) {
        Application application = lockVisible(id, caller);
        if (application.status.isFinal()) {
            throw new ProblemException(Problems.cannotWithdraw(application.status));
        }
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > WithdrawalRequest.MAX_REASON) {
            throw ProblemException.invalid(List.of(
                    new FieldError("reason", "must be at most " + WithdrawalRequest.MAX_REASON + " characters")));
        }
        Instant now = clock.instant();
        moveTo(application, ApplicationStatus.WITHDRAWN, reason, now);
        outbox.append(application.id.toString(), ApplicationEvents.withdrawn(application, reason, now));
        LOG.infof("Application %s withdrawn", application.id);
        return ApplicationView.of(application, StatusHistoryEntry.of(application.id), links.current());
    }

    @Transactional
    public ApplicationView amend(String id, Caller caller, AmendmentRequest amendment) {
        Application application = lockVisible(id, caller);
        if (application.status != ApplicationStatus.RETURNED) {
            throw new ProblemException(Problems.notAmendable(application.status));
        }
        if (amendment == null || (amendment.applicant() == null && amendment.placement() == null)) {
            throw ProblemException.invalid(List.of(new FieldError("applicant", "applicant or placement is required")));
        }
        ApplicationRequest corrected = new ApplicationRequest(
                application.documentType,
                amendment.applicant() != null
                        ? amendment.applicant()
                        : ApplicationView.asRequest(application).applicant(),
                amendment.placement() != null
                        ? amendment.placement()
                        : ApplicationView.asRequest(application).placement());
        List<FieldError> errors = validator.validate(corrected);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        ApplicationService.copy(corrected, application);
        application.revision++;
        moveTo(application, ApplicationStatus.RECEIVED, "Amended by the office", now);
        try {
            application.flush();
        } catch (PersistenceException e) {
            if (ApplicationService.opensASecond(e)) {
                throw ApplicationService.duplicate(); // the corrected NIK has another open application
            }
            throw e;
        }
        outbox.append(
                application.id.toString(),
                ApplicationEvents.amended(application, now),
                ApplicationEvents.contactRecorded(application, now));
        LOG.infof("Application %s amended to revision %d", application.id, application.revision);
        return ApplicationView.of(application, StatusHistoryEntry.of(application.id), links.current());
    }

    private static void moveTo(Application application, ApplicationStatus status, String reason, Instant now) {
        application.status = status;
        application.statusRevision = application.revision;
        application.updatedAt = now;
        StatusHistoryEntry.of(application.id, status, reason, application.revision, now)
                .persist();
    }

    /** Locked, so a status event arriving at the same moment waits instead of interleaving. */
    private static Application lockVisible(String id, Caller caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.notFound());
        }
        Application application = Application.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !caller.maySee(application.officeCode)) {
            throw new ProblemException(Problems.notFound());
        }
        return application;
    }
}
