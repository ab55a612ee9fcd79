package id.ltsa.relay.intake.web;

import id.ltsa.relay.http.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sheds load at the door: beyond a number of registrations in flight, a new one is answered 503 with Retry-After on
 * the event loop, before it queues for a worker thread. Without it an overload queues requests until clients time out
 * and retry, which only adds to the overload.
 */
@ApplicationScoped
class AdmissionFilter {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    AdmissionFilter(
            @ConfigProperty(name = "ltsa.intake.max-registrations-in-flight", defaultValue = "64") int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    void install(@Observes Router router) {
        router.post("/api/v1/applications").order(Integer.MIN_VALUE + 1).handler(context -> {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                Problem problem = Problems.overloaded();
                context.response()
                        .setStatusCode(503)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", "1")
                        .end(Json.encode(problem));
                return;
            }
            context.addEndHandler(done -> inFlight.decrementAndGet());
            context.next();
        });
    }

    int inFlight() {
        return inFlight.get();
    }
}
