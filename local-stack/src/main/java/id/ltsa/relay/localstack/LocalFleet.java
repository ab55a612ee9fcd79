package id.ltsa.relay.localstack;

import id.ltsa.relay.localstack.uplink.UpstreamNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Offices and the ministry together, as `ltsa up` runs them: each office a {@link LocalStack} on this machine with an
 * uplink of its own into one upstream namespace, and the {@link MinistrySide} in that namespace. Cutting one office's
 * uplink leaves the other offices, and the ministry, connected.
 */
public final class LocalFleet implements AutoCloseable {

    private final UpstreamNamespace upstream;
    private final Map<String, LocalStack> offices = new LinkedHashMap<>();
    private final MinistrySide ministry;
    private final List<String> notes = new ArrayList<>();

    public LocalFleet(List<StackSettings> officeSettings, MinistrySettings ministrySettings) {
        if (officeSettings.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one office");
        }
        StackSettings first = officeSettings.get(0);
        this.upstream = first.uplinkNamespace()
                ? UpstreamNamespace.create(why -> notes.add("Uplink: " + why
                                + "; instead each office's simulator plays its uplink (PUT /sim/uplink), and the ministry's"
                                + " MirrorMaker 2 reaches the offices on loopback, which no cut reaches."))
                        .orElse(null)
                : null;
        try {
            Map<String, String> reachedThroughUplinks = new LinkedHashMap<>();
            for (StackSettings settings : officeSettings) {
                if (offices.containsKey(settings.officeCode())) {
                    throw new IllegalArgumentException("office " + settings.officeCode() + " is listed twice");
                }
                LocalStack office = new LocalStack(settings.withKeys(first.keys()), upstream, false, true);
                offices.put(settings.officeCode(), office);
                reachedThroughUplinks.put(settings.officeCode(), office.kafka().uplinkBootstrapServers());
            }
            String host = upstream == null ? "127.0.0.1" : upstream.controlAddress();
            List<String> prefix = upstream == null ? List.of() : upstream.launchPrefix();
            // the ministry has its own internet: it mails through the first office's simulator's SMTP sink, upstream
            this.ministry = new MinistrySide(
                    ministrySettings,
                    host,
                    prefix,
                    reachedThroughUplinks,
                    "127.0.0.1:" + first.smtpPort(),
                    DevKeys.in(first.keys()),
                    KafkaCredentials.in(first.keys()));
        } catch (RuntimeException e) {
            closeUpstream();
            throw e;
        }
    }

    /** Starts the ministry and every office at once and returns when all answer ready; on failure stops them all. */
    public LocalFleet start() {
        try {
            List<CompletableFuture<Void>> starting = new ArrayList<>();
            starting.add(CompletableFuture.runAsync(ministry::start));
            offices.values().forEach(office -> starting.add(CompletableFuture.runAsync(office::start)));
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public LocalStack office(String code) {
        LocalStack office = offices.get(code);
        if (office == null) {
            throw new IllegalArgumentException("no office " + code + " in this fleet: " + offices.keySet());
        }
        return office;
    }

    public List<LocalStack> offices() {
        return List.copyOf(offices.values());
    }

    public MinistrySide ministry() {
        return ministry;
    }

    /** What this machine could not do as asked, said plainly to the person starting it. */
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        offices.values().forEach(office -> all.addAll(office.notes()));
        return all.stream().distinct().toList();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        offices.values().forEach(office -> stopping.add(CompletableFuture.runAsync(office::close)));
        if (ministry != null) {
            stopping.add(CompletableFuture.runAsync(ministry::close));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        closeUpstream();
    }

    private void closeUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
