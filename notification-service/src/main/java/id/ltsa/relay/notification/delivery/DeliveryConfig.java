package id.ltsa.relay.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How messages to applicants are retried, and what they point to. */
@ConfigMapping(prefix = "ltsa.notification")
interface DeliveryConfig {

    /** Attempts on a channel before the message is FAILED (and visible in the notification log and metrics). */
    @WithDefault("12")
    int maxAttempts();

    @WithDefault("2s")
    Duration backoffBase();

    @WithDefault("10m")
    Duration backoffCap();

    /** The public page where an applicant checks a tracking code; without it the message says to ask the office. */
    Optional<String> trackingUrl();

    @WithDefault("1s")
    Duration pollInterval();

    /**
     * After a connection to the gateway or the SMTP relay never opened, how long nothing else is sent that way
     * (urgent messages go by the office modem meanwhile); the first message after it asks again.
     */
    @WithDefault("30s")
    Duration upstreamRecheck();
}
