package id.ltsa.relay.scenario;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ltsa.relay.scenario.Applicants.Applicant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The East Lombok outage, compressed: the link to the central API dies, offices keep registering applications for
 * "days", applicants and ops are told, the link comes back, the backlog drains. Every promise LTSA Relay makes is
 * checked from outside, over the same APIs offices, ops and the simulator offer. Used by the end-to-end suite and by
 * {@code ./ltsa demo outage}.
 */
public final class OutageScenario {

    public static final List<String> OFFICES = List.of("5201", "5202", "5203");
    /** The local run's ops contact (notification-service's ltsa.alerts.ops-contacts). */
    public static final String OPS_CONTACT = "ops@ltsa-relay.local";

    public static final double CONFIGURED_RATE = 20;

    /** Fourteen days in minutes: alert after 20 s instead of 30 min; lag sampled every 2 s. */
    public static Map<String, String> compressedTime() {
        return Map.of(
                "LTSA_ALERTS_LINK_DOWN_THRESHOLD", "20s",
                "LTSA_ALERTS_CHECK_INTERVAL", "2s",
                "LTSA_LAG_INTERVAL", "2s");
    }

    /** Messages an applicant gets, told apart by what the Bahasa Indonesia templates say. */
    enum Told {
        RECEIVED("Kode lacak"),
        DELAYED("tersimpan aman"),
        SUBMITTED("sudah dikirim ke pusat");

        final String phrase;

        Told(String phrase) {
            this.phrase = phrase;
        }
    }

    /** An application the scenario registered, in the order it did. */
    public record Registered(Applicant applicant, String id, String trackingCode, int order, boolean duringOutage) {}

    /** One run: what was registered, and whether the link is down right now. */
    public final class Run {

        private final List<Registered> registered = new CopyOnWriteArrayList<>();
        private volatile boolean outage;
        private int refused;

        /** Registers applications round-robin across the offices, as their counters would. */
        public void register(int count) {
            for (int i = 0; i < count; i++) {
                Applicant applicant = applicants.next(OFFICES.get(registered.size() % OFFICES.size()));
                Relay.Answer answer = relay.register(applicant.office(), applicant.body());
                if (answer.status() == 201) {
                    registered.add(new Registered(
                            applicant,
                            answer.body().path("id").asText(),
                            answer.body().path("trackingCode").asText(),
                            registered.size(),
                            outage));
                } else {
                    refused++;
                }
            }
        }

        /** Registers one application with an idempotency key, as an office's system retrying safely would. */
        public Registered registerWithKey(String office, String idempotencyKey) {
            Applicant applicant = applicants.next(office);
            Relay.Answer answer = relay.register(office, applicant.body(), idempotencyKey);
            if (answer.status() != 201) {
                throw new IllegalStateException("a valid application was refused: " + answer.status());
            }
            Registered application = new Registered(
                    applicant,
                    answer.body().path("id").asText(),
                    answer.body().path("trackingCode").asText(),
                    registered.size(),
                    outage);
            registered.add(application);
            return application;
        }

        public List<Registered> registered() {
            return List.copyOf(registered);
        }
    }

    private final Relay relay;
    private final Applicants applicants;
    private final Consumer<String> narrator;

    public OutageScenario(Relay relay, Applicants applicants, Consumer<String> narrator) {
        this.relay = relay;
        this.applicants = applicants;
        this.narrator = narrator;
    }

    /** Applications registered while the link works: each reaches central once, each applicant hears twice. */
    public Invariants steady(String name, int applications) {
        awaitEmptyBacklog(Duration.ofSeconds(60));
        JsonNode before = relay.centralStats();
        Run run = new Run();
        run.register(applications);
        narrator.accept(run.registered().size() + " applications registered with the link up");
        return verify(name, run, before, 0, 0, -1, List.of());
    }

    /**
     * The outage: {@code applications} registered over {@code days} while central is DOWN, then UP. {@code duringDrain}
     * (may be null) runs once the drain has started: the crash under test.
     */
    public Invariants outage(String name, int applications, int days, boolean expectAlerts, Consumer<Run> duringDrain) {
        awaitEmptyBacklog(Duration.ofSeconds(120));
        JsonNode before = relay.centralStats();
        int downAlertsBefore = alerts("terputus");
        int upAlertsBefore = alerts("pulih");
        Run run = new Run();

        narrator.accept("The link to the central API dies (simulator DOWN: connections dropped, no answer).");
        relay.centralMode("DOWN");
        run.outage = true;
        for (int day = 1; day <= days; day++) {
            run.register(applications / days + (day <= applications % days ? 1 : 0));
            int expected = run.registered().size();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> relay.backlog().path("delayed").asInt() >= expected);
            JsonNode backlog = relay.backlog();
            narrator.accept(String.format(
                    "  day %2d: %3d registered, backlog %3d pending / %3d delayed, oldest %3d s," + " link %s",
                    day,
                    expected,
                    backlog.path("pending").asInt(),
                    backlog.path("delayed").asInt(),
                    backlog.path("oldestPendingAgeSeconds").asLong(),
                    backlog.path("linkState").asText()));
        }
        List<String> broken = new ArrayList<>();
        checkTrackingShows(run, "DELAYED", broken);
        if (expectAlerts) {
            await().atMost(Duration.ofSeconds(120)).until(() -> alerts("terputus") > downAlertsBefore);
            narrator.accept("Ops alerted by email: \"" + latestSubject("terputus") + "\"");
        }
        JsonNode duringOutage = relay.centralStats();
        long probes = duringOutage.path("droppedWhileDown").asLong()
                - before.path("droppedWhileDown").asLong();
        long createsDuringOutage = duringOutage.path("uniqueApplications").asLong()
                - before.path("uniqueApplications").asLong();
        narrator.accept("During the outage the central API saw " + probes + " calls (probes), " + createsDuringOutage
                + " creates.");

        narrator.accept("The link comes back (simulator UP).");
        Instant up = Instant.now();
        relay.centralMode("UP");
        run.outage = false;
        if (duringDrain != null) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> relay.centralStats().path("uniqueApplications").asLong()
                            >= before.path("uniqueApplications").asLong() + 5);
            duringDrain.accept(run);
        }
        awaitEmptyBacklog(Duration.ofSeconds(240));
        double upToEmpty = Duration.between(up, Instant.now()).toMillis() / 1000.0;
        narrator.accept(String.format("Backlog empty %.1f s after the link came back.", upToEmpty));
        if (expectAlerts) {
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts("pulih") > upAlertsBefore);
            narrator.accept("Ops told of the recovery: \"" + latestSubject("pulih") + "\"");
        }
        Invariants result = verify(name, run, before, probes, createsDuringOutage, upToEmpty, broken);
        int downAlerts = alerts("terputus") - downAlertsBefore;
        int upAlerts = alerts("pulih") - upAlertsBefore;
        if (expectAlerts && (downAlerts != 1 || upAlerts != 1)) {
            result.broken().add("alerts: " + downAlerts + " link-down and " + upAlerts + " recovery, expected 1 each");
        }
        return new Invariants(
                result.scenario(),
                result.accepted(),
                result.refused(),
                result.atCentral(),
                result.duplicateCreates(),
                result.messagesPerTransition(),
                result.centralCallsDuringOutage(),
                result.createsDuringOutage(),
                result.drainRatePerSecond(),
                result.configuredRatePerSecond(),
                result.secondsFromUpToEmptyBacklog(),
                result.maxOrderDisplacement(),
                downAlerts,
                upAlerts,
                result.consumerLagAfter(),
                result.broken());
    }

    private Invariants verify(
            String name,
            Run run,
            JsonNode before,
            long probes,
            long createsDuringOutage,
            double upToEmpty,
            List<String> earlier) {
        List<String> broken = new ArrayList<>(earlier);
        List<Registered> registered = run.registered();
        for (Registered application : registered) {
            await().atMost(Duration.ofSeconds(120))
                    .pollDelay(Duration.ZERO) // one application after another: most are there at the first look
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUBMITTED"
                            .equals(relay.application(application.applicant().office(), application.id())
                                    .body()
                                    .path("status")
                                    .asText()));
        }
        Map<String, Instant> atCentral = new HashMap<>();
        for (Registered application : registered) {
            JsonNode central = relay.centralApplication(application.id());
            if (central.path("creates").asInt() != 1) {
                broken.add(
                        application.id() + " created " + central.path("creates").asInt() + " times at central");
            }
            atCentral.put(
                    application.id(),
                    Instant.parse(
                            central.path("revisions").path(0).path("receivedAt").asText()));
        }
        JsonNode after = relay.centralStats();
        long created = after.path("uniqueApplications").asLong()
                - before.path("uniqueApplications").asLong();
        long duplicates = after.path("duplicateCreates").asLong();
        if (created != registered.size()) {
            broken.add(created + " new applications at central for " + registered.size() + " registered");
        }
        if (duplicates != 0) {
            broken.add(duplicates + " duplicate creates at central");
        }
        String messages = checkMessages(registered, broken);
        long lag = awaitNoConsumerLag(broken);
        double drainRate = upToEmpty < 0 ? 0 : drainRate(registered, atCentral);
        int displacement = upToEmpty < 0 ? 0 : maxOrderDisplacement(registered, atCentral);
        if (upToEmpty >= 0 && displacement > 8) {
            broken.add("drained out of order: an application moved " + displacement + " places");
        }
        return new Invariants(
                name,
                registered.size(),
                run.refused,
                created,
                duplicates,
                messages,
                probes,
                createsDuringOutage,
                drainRate,
                CONFIGURED_RATE,
                upToEmpty,
                displacement,
                0,
                0,
                lag,
                broken);
    }

    /** Each applicant is told each transition exactly once: RECEIVED, DELAYED (if it waited out the outage), SUBMITTED. */
    private String checkMessages(List<Registered> registered, List<String> broken) {
        Map<String, Registered> byPhone =
                registered.stream().collect(Collectors.toMap(r -> r.applicant().phone(), r -> r));
        await().atMost(Duration.ofSeconds(120))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> told(byPhone).values().stream().allMatch(counts -> counts.get(Told.SUBMITTED) >= 1));
        Map<String, Map<Told, Integer>> told = told(byPhone);
        Map<Told, int[]> range = new EnumMap<>(Told.class);
        for (Map.Entry<String, Map<Told, Integer>> entry : told.entrySet()) {
            Registered application = byPhone.get(entry.getKey());
            for (Told kind : Told.values()) {
                int count = entry.getValue().get(kind);
                int expected = kind == Told.DELAYED && !application.duringOutage() ? 0 : 1;
                if (count != expected) {
                    broken.add(application.id() + " told " + kind + " " + count + " times, expected " + expected);
                }
                range.computeIfAbsent(kind, k -> new int[] {Integer.MAX_VALUE, 0});
                range.get(kind)[0] = Math.min(range.get(kind)[0], count);
                range.get(kind)[1] = Math.max(range.get(kind)[1], count);
            }
        }
        return range.entrySet().stream()
                .map(e -> e.getKey() + " "
                        + (e.getValue()[0] == e.getValue()[1]
                                ? e.getValue()[0]
                                : e.getValue()[0] + ".." + e.getValue()[1]))
                .collect(Collectors.joining(", "));
    }

    private Map<String, Map<Told, Integer>> told(Map<String, Registered> byPhone) {
        Map<String, Map<Told, Integer>> told = new HashMap<>();
        byPhone.keySet().forEach(phone -> {
            Map<Told, Integer> counts = new EnumMap<>(Told.class);
            for (Told kind : Told.values()) {
                counts.put(kind, 0);
            }
            told.put(phone, counts);
        });
        for (JsonNode message : relay.messages()) {
            Map<Told, Integer> counts = told.get(message.path("to").asText());
            if (counts == null) {
                continue;
            }
            for (Told kind : Told.values()) {
                if (message.path("text").asText().contains(kind.phrase)) {
                    counts.merge(kind, 1, Integer::sum);
                }
            }
        }
        return told;
    }

    private void checkTrackingShows(Run run, String status, List<String> broken) {
        for (Registered application : run.registered()) {
            // the office's view first (no rate limit), so the public lookup is asked once the status has arrived
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> status.equals(
                            relay.application(application.applicant().office(), application.id())
                                    .body()
                                    .path("status")
                                    .asText()));
            // each applicant looks it up from their own phone: the public lookup is rate limited per address
            String address = "10.52." + (application.order() / 250) + "." + (application.order() % 250 + 1);
            Relay.Answer answer = relay.track(application.trackingCode(), address);
            if (answer.status() != 200
                    || !status.equals(answer.body().path("status").asText())) {
                broken.add("tracking " + application.trackingCode() + " answered " + answer.status() + " "
                        + (answer.body() == null
                                ? ""
                                : answer.body().path("status").asText()) + ", expected "
                        + status);
            }
        }
    }

    private long awaitNoConsumerLag(List<String> broken) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> totalLag() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            broken.add("consumer lag stayed at " + totalLag() + " records");
        }
        return totalLag();
    }

    private long totalLag() {
        long lag = 0;
        for (JsonNode group : relay.consumers().path("groups")) {
            lag += group.path("lag").asLong();
        }
        return lag;
    }

    private void awaitEmptyBacklog(Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> relay.backlog().path("pending").asInt() == 0);
    }

    private int alerts(String subjectWord) {
        int count = 0;
        for (JsonNode email : relay.emailsTo(OPS_CONTACT)) {
            count += email.path("subject").asText().contains(subjectWord) ? 1 : 0;
        }
        return count;
    }

    private String latestSubject(String subjectWord) {
        String latest = "";
        for (JsonNode email : relay.emailsTo(OPS_CONTACT)) {
            latest = email.path("subject").asText().contains(subjectWord)
                    ? email.path("subject").asText()
                    : latest;
        }
        return latest;
    }

    /** Applications per second between the first and the last arrival at central. */
    private static double drainRate(List<Registered> registered, Map<String, Instant> atCentral) {
        List<Instant> arrivals =
                registered.stream().map(r -> atCentral.get(r.id())).sorted().toList();
        double seconds = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1))
                        .toMillis()
                / 1000.0;
        return seconds <= 0 ? 0 : (arrivals.size() - 1) / seconds;
    }

    /** Within each office, how far the central arrival order strays from the registration order. */
    private static int maxOrderDisplacement(List<Registered> registered, Map<String, Instant> atCentral) {
        int worst = 0;
        for (String office : OFFICES) {
            List<Registered> ofOffice = registered.stream()
                    .filter(r -> r.applicant().office().equals(office))
                    .sorted(Comparator.comparingInt(Registered::order))
                    .toList();
            List<Registered> byArrival = new ArrayList<>(ofOffice);
            byArrival.sort(Comparator.comparing(r -> atCentral.get(r.id())));
            for (int i = 0; i < ofOffice.size(); i++) {
                worst = Math.max(worst, Math.abs(byArrival.indexOf(ofOffice.get(i)) - i));
            }
        }
        return worst;
    }
}
