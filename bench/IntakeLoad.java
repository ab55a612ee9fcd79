import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for POST /api/v1/applications: sends at a fixed rate whatever the answers take (a
 * closed-loop tool such as wrk slows down with the server and hides its queueing), every body a distinct valid
 * applicant. Prints the rate achieved, latency percentiles and every status seen.
 *
 *   java bench/IntakeLoad.java URL TOKEN RATE_PER_SECOND SECONDS SEED
 */
public class IntakeLoad {

    static final int MAX_IN_FLIGHT = 512;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int seed = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT); // past this the generator itself cannot keep the rate
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder missingRetryAfter = new LongAdder();
        AtomicInteger sequence = new AtomicInteger();
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long next = start;
        int sent = 0;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                statuses.computeIfAbsent("not-sent (generator at " + MAX_IN_FLIGHT + " in flight)",
                        s -> new LongAdder()).increment();
                next += interval;
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(seed, sequence.incrementAndGet())))
                    .build();
            long sentAt = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                String status = error != null ? error.getClass().getSimpleName() : Integer.toString(response.statusCode());
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                if (response != null && (response.statusCode() == 429 || response.statusCode() == 503)
                        && response.headers().firstValue("Retry-After").isEmpty()) {
                    missingRetryAfter.increment();
                }
                if (response != null && response.statusCode() == 201) {
                    latencies.add(System.nanoTime() - sentAt);
                }
                inFlight.release();
            });
            sent++;
            next += interval;
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long created = statuses.getOrDefault("201", new LongAdder()).sum();
        System.out.printf("target %.0f/s  sent %d  created %d in %.1f s = %.1f created/s%n", rate, sent, created,
                elapsed, created / elapsed);
        System.out.printf("latency of 201s: p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.println("statuses " + new java.util.TreeMap<>(statuses));
        System.out.println("429/503 without Retry-After: " + missingRetryAfter.sum());
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** A valid applicant: the NIK's digits 7-12 are the birth date, distinct per (seed, n). */
    static String body(int seed, int n) {
        int day = 1 + n % 28;
        int month = 1 + (n / 28) % 12;
        int year = 1980 + (n / 336) % 20;
        int serial = (seed * 7919 + n / 6720) % 10_000;
        String nik = String.format("520301%02d%02d%02d%04d", day, month, year % 100, serial);
        return """
                {"documentType":"PASSPORT","applicant":{"nik":"%s","fullName":"Bench Applicant","birthDate":"%d-%02d-%02d",
                "birthPlace":"Selong","gender":"M","phone":"+62812%07d","preferredChannel":"SMS","language":"id"},
                "placement":{"destinationCountry":"KR","scheme":"G_TO_G","employerName":"Hanil","jobTitle":"Operator"}}"""
                .formatted(nik, year, month, day, n % 10_000_000);
    }
}
