package id.ltsa.relay.inbox;

import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Applies a batch's readable events in one new transaction, their ids recorded in one statement, and tries again in a
 * fresh transaction until that commits (an {@link InboxHandler#idempotent} handler's one statement at a time, until
 * all are applied). A bean of its own so that SmallRye Fault Tolerance's retry wraps the call.
 */
@ApplicationScoped
class InboxTransaction {

    private final ProcessedEvents processed;

    InboxTransaction(ProcessedEvents processed) {
        this.processed = processed;
    }

    // at most 10 s apart: a database back from a restart or a power cut (a few seconds) is used within 10 s, where a
    // minute's ceiling left a channel waiting 15-30 s after a 5 s restart; trying a dead database every 10 s costs
    // a refused connection per channel
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    void applyAll(List<ReceivedEvent> events, InboxHandler handler) {
        if (handler.idempotent()) {
            // retried whole, like a transaction: what was applied before the failure changes nothing the second time
            events.forEach(received -> applyInItsTrace(received, handler::handle));
            return;
        }
        QuarkusTransaction.requiringNew().call(() -> {
            Set<String> firstTime = processed.firstTimes(
                    events.stream().map(received -> received.event().id()).toList());
            for (ReceivedEvent received : events) {
                // remove: a second copy of one event in the batch is a replay of the first
                applyInItsTrace(
                        received, firstTime.remove(received.event().id()) ? handler::handle : handler::handleAgain);
            }
            return null;
        });
    }

    /** Continues the trace the event carries, whatever the connector made current on this thread. */
    private static void applyInItsTrace(ReceivedEvent received, Consumer<Object> apply) {
        try (Scope trace = TraceParent.resume(received.traceparent())) {
            apply.accept(received.event().data());
        }
    }
}
