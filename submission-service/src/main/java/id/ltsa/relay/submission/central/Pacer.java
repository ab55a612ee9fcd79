package id.ltsa.relay.submission.central;

import java.util.concurrent.TimeUnit;

/**
 * Spaces sends evenly at a maximum rate. The forwarder's own thread waits for the next slot: pacing is the point,
 * and nothing else runs on that thread.
 */
final class Pacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void awaitSlot() throws InterruptedException {
        long now = System.nanoTime();
        if (nextSlot < now) {
            nextSlot = now; // idle time is not saved up into a burst
        }
        long wait = nextSlot - now;
        nextSlot += intervalNanos;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
