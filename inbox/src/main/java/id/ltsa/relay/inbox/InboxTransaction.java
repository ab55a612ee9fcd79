package id.ltsa.relay.inbox;

import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Applies a batch's readable events in one new transaction, their ids recorded in one statement, and tries again in a
 * fresh transaction until that commits. A bean of its own so that SmallRye Fault Tolerance's retry wraps the call.
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
        QuarkusTransaction.requiringNew().call(() -> {
            Set<String> firstTime = processed.firstTimes(
                    events.stream().map(received -> received.event().id()).toList());
            for (ReceivedEvent received : events) {
                // continue the trace this event carries, whatever the connector made current on this thread
                try (Scope trace = TraceParent.resume(received.traceparent())) {
                    // remove: a second copy of one event in the batch is a replay of the first
                    if (firstTime.remove(received.event().id())) {
                        handler.handle(received.event().data());
                    } else {
                        handler.handleAgain(received.event().data());
                    }
                }
            }
            return null;
        });
    }
}
