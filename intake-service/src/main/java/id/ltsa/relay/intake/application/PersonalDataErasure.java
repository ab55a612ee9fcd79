package id.ltsa.relay.intake.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ErasureReason;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.intake.idempotency.IdempotencyKeys;
import id.ltsa.relay.intake.link.CentralLinks;
import id.ltsa.relay.intake.web.Problems;
import id.ltsa.relay.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases an applicant's personal data (UU 27/2022): NIK, name, birth date and place, gender, phone and email, here,
 * and through {@code id.ltsa.application.erased.v1} in every service that holds a copy. Only a final application:
 * one still on its way to central needs its data (withdraw it first). What stays says that an application existed,
 * at which office, for what destination and scheme, and how it went. The published events kept for republication
 * are forgotten too: they carry the snapshot.
 */
@ApplicationScoped
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class);
    private static final List<ApplicationStatus> FINAL =
            List.of(ApplicationStatus.ISSUED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);

    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final ObjectMapper json;
    private final Clock clock;
    private final CentralLinks links;

    // five collaborators: erasing touches the application, the outbox and the kept 201s, which is the point
    PersonalDataErasure(
            Outbox outbox, IdempotencyKeys idempotencyKeys, ObjectMapper json, Clock clock, CentralLinks links) {
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
        this.clock = clock;
        this.links = links;
    }

    /** The ministry's request. Erasing an erased application again changes nothing and announces nothing. */
    @Transactional
    public ApplicationView onRequest(String id, Caller caller) {
        Application application = locked(id)
                .filter(found -> caller.maySee(found.officeCode))
                .orElseThrow(() -> new ProblemException(Problems.notFound()));
        if (!application.status.isFinal()) {
            throw new ProblemException(Problems.notErasable(application.status));
        }
        if (application.personalDataErasedAt == null) {
            return erase(application, ErasureReason.REQUEST);
        }
        return ApplicationView.of(application, StatusHistoryEntry.of(application.id), links.current());
    }

    /**
     * Erases up to {@code limit} final applications whose status has not changed since {@code finalBefore}, oldest
     * first; rows another instance is erasing are skipped.
     *
     * @return how many were erased
     */
    @Transactional
    public int expired(Instant finalBefore, int limit) {
        List<Application> due = Application.<Application>find(
                        "personalDataErasedAt is null and status in ?1 and updatedAt < ?2 order by updatedAt",
                        FINAL,
                        finalBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit)
                .list();
        due.forEach(application -> erase(application, ErasureReason.RETENTION));
        return due.size();
    }

    private ApplicationView erase(Application application, ErasureReason reason) {
        Instant now = clock.instant();
        application.nik = null;
        application.fullName = null;
        application.birthDate = null;
        application.birthPlace = null;
        application.gender = null;
        application.phone = null;
        application.email = null;
        application.personalDataErasedAt = now;
        String key = application.id.toString();
        outbox.forget(key);
        outbox.append(key, ApplicationEvents.erased(application, reason, now));
        ApplicationView erased =
                ApplicationView.of(application, StatusHistoryEntry.of(application.id), links.current());
        try {
            idempotencyKeys.eraseAnswers(ApplicationService.location(erased), json.writeValueAsString(erased));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the erased application cannot be written as JSON", e);
        }
        LOG.infof("Personal data of application %s erased (%s)", application.id, reason);
        return erased;
    }

    private static java.util.Optional<Application> locked(String id) {
        try {
            return java.util.Optional.ofNullable(
                    Application.findById(UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
