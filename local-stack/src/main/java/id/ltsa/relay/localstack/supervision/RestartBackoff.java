package id.ltsa.relay.localstack.supervision;

import java.time.Duration;

/**
 * How long to wait before restarting a process that died, as compose's {@code restart: unless-stopped} does: the
 * delay doubles with each restart up to a ceiling, and starts again from the first delay once the process has stayed
 * up for a while. A process that cannot start (its port taken, its disk full) is thus retried for ever, but no more
 * than once a ceiling, and never in a tight loop that would eat the office server's two cores.
 */
public final class RestartBackoff {

    private final Duration first;
    private final Duration ceiling;
    private final Duration healthyAfter;
    private Duration next;

    /**
     * @param first the delay before the first restart
     * @param ceiling the longest delay
     * @param healthyAfter a process up this long since its last restart is healthy again: the next delay is
     *     {@code first}
     */
    public RestartBackoff(Duration first, Duration ceiling, Duration healthyAfter) {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= ceiling: " + first + ", " + ceiling);
        }
        this.first = first;
        this.ceiling = ceiling;
        this.healthyAfter = healthyAfter;
        this.next = first;
    }

    /** The delay before this restart; the one after it is twice as long, up to the ceiling. */
    public Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        return delay;
    }

    /** Tells how long the process has been up since its last restart; long enough, and the delays start over. */
    public void upFor(Duration uptime) {
        if (uptime.compareTo(healthyAfter) >= 0) {
            next = first;
        }
    }
}
