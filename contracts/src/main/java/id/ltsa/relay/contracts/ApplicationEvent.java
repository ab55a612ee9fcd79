package id.ltsa.relay.contracts;

import java.time.Instant;
import java.util.UUID;

/** Everything intake-service publishes on {@link Topics#APPLICATIONS}. */
public sealed interface ApplicationEvent
        permits ApplicationReceived, ApplicationAmended, ApplicationWithdrawn, ApplicationErased {

    UUID applicationId();

    int revision();

    Instant occurredAt();
}
