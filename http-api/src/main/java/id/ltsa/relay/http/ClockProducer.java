package id.ltsa.relay.http;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The system clock in UTC that every service reads (its outbox, audit trail, retries, link state), unless the service
 * or a test produces its own. It lives here because this is the one shared module every service carries, the three
 * office services and ministry-watch alike; the simulator, a separate tool, keeps its own.
 */
class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
