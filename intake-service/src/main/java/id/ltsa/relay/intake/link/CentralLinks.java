package id.ltsa.relay.intake.link;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The one place that reads and writes last_known_link. */
@ApplicationScoped
public class CentralLinks {

    private final Clock clock;

    CentralLinks(Clock clock) {
        this.clock = clock;
    }

    public CentralLinkState current() {
        LastKnownLink link = LastKnownLink.findById(LastKnownLink.ONLY);
        return new CentralLinkState(link.state, link.since,
                link.diagnosis == null ? null : LinkDiagnosis.valueOf(link.diagnosis));
    }

    /**
     * Applies an announcement unless it is about an older change (delivered late): the state is the latest one, so a
     * repeated event changes nothing and needs no deduplication.
     */
    @Transactional
    public void apply(CentralLinkChanged event) {
        LastKnownLink link = LastKnownLink.findById(LastKnownLink.ONLY, LockModeType.PESSIMISTIC_WRITE);
        if (link.since != null && event.since().isBefore(link.since)) {
            return;
        }
        link.state = event.state().name();
        link.since = event.since();
        link.diagnosis = event.diagnosis() == null ? null : event.diagnosis().name();
        link.updatedAt = clock.instant();
    }
}
