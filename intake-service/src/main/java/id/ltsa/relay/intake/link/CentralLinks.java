package id.ltsa.relay.intake.link;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The one place that reads and writes last_known_link. */
@ApplicationScoped
public class CentralLinks {

    /**
     * How long a read of the row is shown again. Every registration, amendment and view carries the link, and reading
     * the row for each was a database round trip per request for a state that changes a few times a day. The row
     * stays the truth: instances share one consumer group, so another instance may apply the next announcement, and
     * this one sees it within a second.
     */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Clock clock;
    private volatile Read last;

    CentralLinks(Clock clock) {
        this.clock = clock;
    }

    public CentralLinkState current() {
        Read read = last;
        long now = System.nanoTime();
        if (read == null || now - read.atNanos() > FRESH_NANOS) {
            LastKnownLink link = LastKnownLink.findById(LastKnownLink.ONLY);
            read = new Read(
                    new CentralLinkState(
                            link.state,
                            link.since,
                            link.diagnosis == null ? null : LinkDiagnosis.valueOf(link.diagnosis)),
                    now);
            last = read;
        }
        return read.state();
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
        last = null; // this instance shows the change at once (after the commit, or a second later at worst)
    }

    private record Read(CentralLinkState state, long atNanos) {}
}
