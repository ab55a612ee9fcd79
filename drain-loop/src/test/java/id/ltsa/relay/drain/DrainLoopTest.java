package id.ltsa.relay.drain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** The last round runs after the round in progress, on the loop's thread, and the loop takes no wake-up after it. */
    @Test
    void closing_runs_the_last_round_after_the_one_in_progress() throws Exception {
        CountDownLatch roundStarted = new CountDownLatch(1);
        CountDownLatch releaseRound = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        DrainLoop loop = new DrainLoop("test", () -> {
            order.add("round");
            roundStarted.countDown();
            releaseRound.await(10, TimeUnit.SECONDS);
        });
        loop.wake();
        assertTrue(roundStarted.await(10, TimeUnit.SECONDS));
        new Thread(() -> {
                    await().atMost(Duration.ofSeconds(10)).until(() -> !order.isEmpty());
                    releaseRound.countDown();
                })
                .start();

        loop.close(() -> order.add("last on " + Thread.currentThread().getName()), Duration.ofSeconds(10));
        loop.wake();

        assertEquals(List.of("round", "last on test"), order);
    }
}
