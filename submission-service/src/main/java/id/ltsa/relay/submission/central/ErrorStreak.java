package id.ltsa.relay.submission.central;

import id.ltsa.relay.submission.link.LinkRestored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts central's error answers (5xx, 429) in a row, in this instance: a handful is this or that attempt's bad luck,
 * a long run means central is failing everything and should be probed, not hammered. Any other answer ends the run.
 */
@ApplicationScoped
class ErrorStreak {

    private final AtomicInteger inARow = new AtomicInteger();

    /** @return the length of the run including this call */
    int errorAnswered() {
        return inARow.incrementAndGet();
    }

    void otherAnswer() {
        inARow.set(0);
    }

    /** A link that came back starts with a clean slate: the run that took it down is over. */
    void onLinkRestored(@Observes LinkRestored restored) {
        inARow.set(0);
    }
}
