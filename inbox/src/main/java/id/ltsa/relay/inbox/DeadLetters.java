package id.ltsa.relay.inbox;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sets an unreadable record of a batch aside: nacked on its own, so the connector's {@code dead-letter-queue} failure
 * strategy puts it on the service's dead-letter topic. Retried in place until the dead-letter topic has it: a failure
 * thrown from the consumer would make the connector nack the whole poll, dead-lettering records already applied.
 */
@ApplicationScoped
class DeadLetters {

    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    void setAside(Message<?> record, UnreadableEventException reason) {
        record.nack(reason).toCompletableFuture().join();
    }
}
