package id.ltsa.relay.intake.application.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Bean Validation's clock is the service's {@link Clock} bean (Quarkus hands a {@code ClockProvider} bean to its
 * ValidatorFactory), so the age rule and the rest of the service agree on what day it is.
 */
@ApplicationScoped
public class ServiceClock implements ClockProvider {

    private final Clock clock;

    ServiceClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
