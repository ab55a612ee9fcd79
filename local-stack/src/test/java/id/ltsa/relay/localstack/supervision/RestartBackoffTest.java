package id.ltsa.relay.localstack.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private final RestartBackoff backoff =
            new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));

    @Test
    void doubles_up_to_the_ceiling() {
        long[] seconds = new long[9];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = backoff.nextDelay().toSeconds();
        }
        assertEquals("[1, 2, 4, 8, 16, 32, 60, 60, 60]", java.util.Arrays.toString(seconds));
    }

    @Test
    void starts_over_once_the_process_stayed_up_long_enough() {
        backoff.nextDelay();
        backoff.nextDelay();
        backoff.upFor(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(4), backoff.nextDelay(), "59 s up is not yet healthy");
        backoff.upFor(Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(1), backoff.nextDelay());
    }
}
