package id.ltsa.relay.submission.central;

import jakarta.enterprise.context.ApplicationScoped;
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
}
