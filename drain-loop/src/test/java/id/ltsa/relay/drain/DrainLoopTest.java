package id.ltsa.relay.drain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainLoopTest {

    @Test
    void many_wake_ups_during_a_round_lead_to_one_more_round_not_many() throws Exception {
        CountDownLatch firstRoundStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRound = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        try (DrainLoop loop = new DrainLoop("test", () -> {
            if (rounds.incrementAndGet() == 1) {
                firstRoundStarted.countDown();
                releaseFirstRound.await(10, TimeUnit.SECONDS);
            }
        })) {
            loop.wake();
            assertTrue(firstRoundStarted.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100; i++) {
                loop.wake();
            }
            releaseFirstRound.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 2);
            loop.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 3);
        }
    }

    @Test
    void a_failing_round_does_not_stop_later_rounds() {
        AtomicInteger rounds = new AtomicInteger();
        try (DrainLoop loop = new DrainLoop("test", () -> {
            rounds.incrementAndGet();
            throw new IllegalStateException("broker away");
        })) {
            loop.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1);
            loop.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 2);
        }
    }
}
