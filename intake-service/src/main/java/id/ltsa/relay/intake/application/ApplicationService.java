package id.ltsa.relay.intake.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.FieldError;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.application.rules.IsoDates;
import id.ltsa.relay.intake.idempotency.Claim;
import id.ltsa.relay.intake.idempotency.IdempotencyKeys;
import id.ltsa.relay.intake.link.CentralLinks;
import id.ltsa.relay.intake.web.Problems;
import id.ltsa.relay.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** Registers applications and reads them back, within what the caller's office may see. */
@ApplicationScoped
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);
    /** The unique index that keeps one open application per NIK and document type (V5). */
    private static final String ONE_OPEN_PER_NIK = "application_one_open_per_nik";

    private final ApplicationValidator validator;
    private final TrackingCodes trackingCodes;
    private final Outbox outbox;
    private final Clock clock;
    private final IdempotencyKeys idempotencyKeys;
    private final ObjectMapper json;
    private final CentralLinks links;

    ApplicationService(
            ApplicationValidator validator,
            TrackingCodes trackingCodes,
            Outbox outbox,
            Clock clock,
            IdempotencyKeys idempotencyKeys,
            ObjectMapper json,
            CentralLinks links) {
        this.validator = validator;
        this.trackingCodes = trackingCodes;
        this.outbox = outbox;
        this.clock = clock;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
        this.links = links;
    }

    public static String location(ApplicationView view) {
        return "/api/v1/applications/" + view.id();
    }

    private String json(ApplicationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the application, its first status and its {@code received} event in one transaction: either all three
     * exist or none does.
     */
    /**
     * Bounded so that an overload is answered at once with 503 and Retry-After ({@code IntakeProblemMappers}) instead of
     * piling requests up until clients time out and retry. Above the connection pool (5): a registration holds a
     * connection for milliseconds, so a few waiting for one is cheaper than a PostgreSQL backend each.
     */
    @Bulkhead(16)
    @Transactional
    public ApplicationView register(String officeCode, ApplicationRequest request, Optional<Claim.Proceed> claim) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = clock.instant();
        Application application = newApplication(officeCode, request, now);
        try {
            application.persistAndFlush();
        } catch (PersistenceException e) {
            // No look before the insert: the index answers a duplicate in the same round trip, and also for a request
            // racing this one. A transaction that fails here is rolled back whole.
            if (opensASecond(e)) {
                throw duplicate();
            }
            throw e;
        }
        StatusHistoryEntry first = StatusHistoryEntry.of(application.id, ApplicationStatus.RECEIVED, null, 1, now);
        first.persist();
        outbox.append(
                application.id.toString(),
                ApplicationEvents.received(application, now),
                ApplicationEvents.contactRecorded(application, now));
        ApplicationView view = ApplicationView.of(application, List.of(first), links.current());
        claim.ifPresent(key -> idempotencyKeys.complete(key, 201, json(view), location(view)));
        LOG.infof("Registered application %s at office %s", application.id, officeCode);
        return view;
    }

    public ApplicationView find(String id, Caller caller) {
        return visible(id, caller)
                .map(application ->
                        ApplicationView.of(application, StatusHistoryEntry.of(application.id), links.current()))
                .orElseThrow(() -> new ProblemException(Problems.notFound()));
    }

    /** Another office's application is as absent as a missing one: the answer must not tell them apart. */
    Optional<Application> visible(String id, Caller caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Application.<Application>findByIdOptional(uuid)
                .filter(application -> caller.maySee(application.officeCode));
    }

    private Application newApplication(String officeCode, ApplicationRequest request, Instant now) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.trackingCode = trackingCodes.next();
        application.officeCode = officeCode;
        application.documentType = request.documentType();
        application.revision = 1;
        application.status = ApplicationStatus.RECEIVED;
        application.statusRevision = 1;
        copy(request, application);
        application.createdAt = now;
        application.updatedAt = now;
        return application;
    }

    /** Takes the validated request's applicant and placement into the entity (new or amended). */
    static void copy(ApplicationRequest request, Application application) {
        ApplicationRequest.Applicant applicant = request.applicant();
        ApplicationRequest.Placement placement = request.placement();
        application.nik = applicant.nik();
        application.fullName = applicant.fullName().trim();
        application.birthDate = IsoDates.parse(applicant.birthDate());
        application.birthPlace = applicant.birthPlace();
        application.gender = applicant.gender();
        application.phone = applicant.phone();
        application.email = applicant.email() == null || applicant.email().isBlank() ? null : applicant.email();
        application.preferredChannel = NotificationChannel.valueOf(
                applicant.preferredChannel() == null ? "WHATSAPP" : applicant.preferredChannel());
        application.language = applicant.language() == null ? "id" : applicant.language();
        application.destinationCountry = placement.destinationCountry();
        application.scheme = placement.scheme();
        application.employerName = placement.employerName();
        application.jobTitle = placement.jobTitle();
        application.p3miName = placement.p3miName();
    }

    /** Whether the write failed because the NIK already has an open application of that document type. */
    static boolean opensASecond(PersistenceException e) {
        ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                ? direct
                : e.getCause() instanceof ConstraintViolationException cause ? cause : null;
        return violation != null && ONE_OPEN_PER_NIK.equals(violation.getConstraintName());
    }

    static ProblemException duplicate() {
        return new ProblemException(Problems.duplicateApplication());
    }
}
