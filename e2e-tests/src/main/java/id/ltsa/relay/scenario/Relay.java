package id.ltsa.relay.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A running LTSA Relay seen from outside, over HTTP, as offices, ops and the simulator's controls see it. */
public final class Relay {

    /** One HTTP answer: status, JSON body (null when there is none) and the headers that matter here. */
    public record Answer(int status, JsonNode body, String contentType, String retryAfter) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Relay(LocalStack stack) {
        this.stack = stack;
    }

    public LocalStack stack() {
        return stack;
    }

    public String officeToken(String office) {
        return stack.tokens().token(office, "office");
    }

    public String opsToken() {
        return stack.tokens().token(null, "ops");
    }

    public Answer register(String office, String body) {
        return register(office, body, null);
    }

    public Answer register(String office, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(Service.INTAKE, "/api/v1/applications", officeToken(office))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Answer application(String office, String id) {
        return send(request(Service.INTAKE, "/api/v1/applications/" + id, officeToken(office))
                .GET());
    }

    /** Applications of an office in intake's list. */
    public long count(String office) {
        return send(request(Service.INTAKE, "/api/v1/applications?size=1", officeToken(office))
                        .GET())
                .body()
                .path("total")
                .asLong();
    }

    /** The public lookup, as seen from one client address (each applicant asks from their own phone). */
    public Answer track(String trackingCode, String clientAddress) {
        return send(request(Service.INTAKE, "/api/v1/track/" + trackingCode, null)
                .header("X-Forwarded-For", clientAddress)
                .GET());
    }

    public JsonNode backlog() {
        return send(request(Service.SUBMISSION, "/api/v1/ops/backlog", opsToken())
                        .GET())
                .body();
    }

    /** The office server's processes as its supervisor reports them, on the ops API. */
    public JsonNode processes() {
        return send(request(Service.SUBMISSION, "/api/v1/ops/processes", opsToken())
                        .GET())
                .body();
    }

    public JsonNode consumers() {
        return send(request(Service.SUBMISSION, "/api/v1/ops/consumers", opsToken())
                        .GET())
                .body();
    }

    public JsonNode centralStats() {
        return send(request(Service.CENTRAL_API_SIMULATOR, "/sim/stats", null).GET())
                .body();
    }

    public JsonNode centralApplication(String id) {
        return send(request(Service.CENTRAL_API_SIMULATOR, "/sim/applications/" + id, null)
                        .GET())
                .body();
    }

    /** The central API decides (APPROVED, REJECTED or ISSUED) and tells the office by its signed callback. */
    public void centralDecides(String centralReference, String status) {
        Answer answer =
                send(request(Service.CENTRAL_API_SIMULATOR, "/sim/applications/" + centralReference + "/decision", null)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
        if (answer.status() != 200) {
            throw new IllegalStateException("simulator refused the decision: " + answer.status());
        }
    }

    /** UP, DOWN, SLOW, FLAKY or REJECT_ALL: the central API as the link delivers it. */
    public void centralMode(String mode) {
        Answer answer = send(request(Service.CENTRAL_API_SIMULATOR, "/sim/mode", null)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        if (answer.status() != 200) {
            throw new IllegalStateException("simulator refused mode " + mode + ": " + answer.status());
        }
    }

    /** Every WhatsApp/SMS message the gateway was asked to send. */
    public JsonNode messages() {
        return send(request(Service.CENTRAL_API_SIMULATOR, "/sim/messages", null)
                        .GET())
                .body()
                .path("items");
    }

    public JsonNode emailsTo(String address) {
        return send(request(
                                Service.CENTRAL_API_SIMULATOR,
                                "/sim/emails?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
                                null)
                        .GET())
                .body()
                .path("items");
    }

    /** The office's internet: every upstream connection hangs unanswered while it is cut. */
    public void cutUplink() {
        stack.uplink().cut();
    }

    public void restoreUplink() {
        stack.uplink().restore();
    }

    /** An SMS reaches the office modem, as if sent from {@code number}. */
    public void smsToTheOffice(String number, String text) {
        stack.modem()
                .orElseThrow(() -> new IllegalStateException("this stack has no modem (gammu-smsd installed?)"))
                .phone()
                .receive(number, text);
    }

    /** What the office modem sent to ({@code out}) or received from ({@code in}) a number, newest first. */
    public JsonNode modemMessages(String number, String direction) {
        return send(request(
                                Service.NOTIFICATION,
                                "/api/v1/modem/messages?to=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                                        + "&direction=" + direction,
                                opsToken())
                        .GET())
                .body()
                .path("items");
    }

    public JsonNode modemHealth() {
        return send(request(Service.NOTIFICATION, "/api/v1/modem/health", opsToken())
                        .GET())
                .body();
    }

    /** The notification log of an application (channel, status, attempts per transition). */
    public JsonNode notifications(String office, String applicationId) {
        return send(request(
                                Service.NOTIFICATION,
                                "/api/v1/notifications?applicationId=" + applicationId,
                                officeToken(office))
                        .GET())
                .body()
                .path("items");
    }

    /** The first series of a metric in a service's {@code /q/metrics}, as Prometheus scrapes it; -1 if absent. */
    public double metric(Service service, String name) {
        try {
            String text = http.send(
                            management(service, "/q/metrics").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            return text.lines()
                    .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer health(Service service, String which) {
        return send(management(service, "/q/health/" + which).GET());
    }

    public Answer send(
            Service service,
            String method,
            String path,
            String token,
            String contentType,
            String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = request(service, path, token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** Health and metrics answer on the service's management port, never its API port. */
    private HttpRequest.Builder management(Service service, String path) {
        return HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder request(Service service, String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(stack.url(service) + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(
                    response.statusCode(),
                    body == null || body.isBlank() ? null : JSON.readTree(body),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
