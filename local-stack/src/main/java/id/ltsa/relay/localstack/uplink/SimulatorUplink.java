package id.ltsa.relay.localstack.uplink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The fallback where no network namespace can be made (not root): upstream runs on this machine's loopback, and the
 * simulator plays the dead uplink itself ({@code PUT /sim/uplink}): it drops connections to the central API and the
 * gateway without an answer; its SMTP sink keeps working. Weaker than a real cut, and said so wherever it is used:
 * the office's connections are closed after the request arrived rather than left unanswered, which notification-service
 * must read as "the gateway may have it", so urgent messages then wait instead of going by the modem.
 */
public final class SimulatorUplink implements Uplink {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String simulatorUrl;

    public SimulatorUplink(String simulatorUrl) {
        this.simulatorUrl = simulatorUrl;
    }

    @Override
    public String upstreamAddress() {
        return "127.0.0.1";
    }

    @Override
    public String controlAddress() {
        return "127.0.0.1";
    }

    @Override
    public String officeAddress() {
        return "127.0.0.1";
    }

    @Override
    public List<String> launchPrefix() {
        return List.of();
    }

    @Override
    public void cut() {
        set(true);
    }

    @Override
    public void restore() {
        set(false);
    }

    @Override
    public boolean isCut() {
        return send(HttpRequest.newBuilder(URI.create(simulatorUrl + "/sim/uplink"))
                        .GET())
                .contains("\"cut\":true");
    }

    private void set(boolean cut) {
        send(HttpRequest.newBuilder(URI.create(simulatorUrl + "/sim/uplink"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"cut\":" + cut + "}")));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the simulator answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the simulator does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String description() {
        return "upstream on this machine's loopback; a cut is the simulator's own uplink mode (not a network cut: "
                + "connections are closed, not left unanswered, so urgent messages wait instead of going by the modem)";
    }

    @Override
    public UplinkRecord record() {
        return new UplinkRecord(UplinkRecord.SIMULATOR, null, null, simulatorUrl);
    }

    @Override
    public void close() {
        // nothing was made
    }
}
