package id.ltsa.relay.notification;

import static io.restassured.RestAssured.given;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicantContactRecorded;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.contracts.testing.SampleStatusChange;
import id.ltsa.relay.localstack.testing.KafkaTestClient;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the events notification-service consumes, and reads what the simulated gateway and SMTP sink got. Public
 * for the tests of a feature's package-private parts, which live in that feature's package.
 */
public final class NotificationEvents {

    static final String OFFICE = SampleApplicant.OFFICE;
    static final String TRACKING_CODE = "LT-TEST0001";
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static KafkaTestClient kafka;

    private NotificationEvents() {}

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = RealInfrastructure.kafka();
        }
        return kafka;
    }

    public static String newPhone() {
        return "+62812" + String.format("%07d", NUMBERS.incrementAndGet());
    }

    static String newEmail() {
        return "cpmi" + NUMBERS.incrementAndGet() + "@example.org";
    }

    public static void publishReceived(
            UUID id, String phone, String email, NotificationChannel channel, String language) throws Exception {
        publishReceived(id, SampleApplicant.FULL_NAME, phone, email, channel, language);
    }

    static void publishReceived(
            UUID id, String fullName, String phone, String email, NotificationChannel channel, String language)
            throws Exception {
        publishReceived(id, TRACKING_CODE, fullName, phone, email, channel, language);
    }

    /** A tracking code no other test uses: LT- and 8 characters of the codes' alphabet. */
    static String newTrackingCode() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder("LT-");
        long seed = NUMBERS.incrementAndGet() * 7919L + System.nanoTime();
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt((int) Math.floorMod(seed >> (i * 5), (long) alphabet.length())));
        }
        return code.toString();
    }

    static void publishReceived(
            UUID id,
            String trackingCode,
            String fullName,
            String phone,
            String email,
            NotificationChannel channel,
            String language)
            throws Exception {
        ApplicantContactRecorded recorded = new ApplicantContactRecorded(
                id,
                trackingCode,
                OFFICE,
                1,
                new ApplicantContact(fullName, phone, email, channel, language),
                Instant.now());
        kafka().publish(id.toString(), recorded);
    }

    static void publishStatus(UUID id, ApplicationStatus status, String eventId) throws Exception {
        publishStatus(id, status, 1, 0, null, eventId);
    }

    static void publishStatus(
            UUID id, ApplicationStatus status, int attempt, int episode, String reason, String eventId)
            throws Exception {
        ApplicationStatusChanged changed = SampleStatusChange.of(id, status)
                .trackingCode(TRACKING_CODE)
                .from(ApplicationStatus.QUEUED)
                .reason(reason)
                .attempt(attempt)
                .episode(episode)
                .build();
        kafka().publish(id.toString(), eventId, changed);
    }

    static void publishLink(LinkState state, Instant since, String eventId) throws Exception {
        publishLink(state, since, state == LinkState.DOWN ? LinkDiagnosis.CENTRAL_REFUSES : null, eventId);
    }

    static void publishLink(LinkState state, Instant since, LinkDiagnosis diagnosis, String eventId) throws Exception {
        CentralLinkChanged changed =
                new CentralLinkChanged(state, since, state == LinkState.DOWN ? "connection reset" : null, 0, diagnosis);
        kafka().publish("central-link", eventId, changed);
    }

    static ValidatableResponse messagesTo(String phone) {
        return given().queryParam("to", phone)
                .get(RealInfrastructure.simulatorUrl() + "/sim/messages")
                .then();
    }

    /** What the office modem sent to (out) or received from (in) a number, newest first. */
    public static ValidatableResponse modemMessages(String number, String direction) {
        return given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ops"))
                .queryParam("to", number)
                .queryParam("direction", direction)
                .get("/api/v1/modem/messages")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse emailsTo(String address) {
        return given().queryParam("to", address)
                .get(RealInfrastructure.simulatorUrl() + "/sim/emails")
                .then();
    }

    public static ValidatableResponse notificationLog(UUID id) {
        return given().auth()
                .oauth2(RealInfrastructure.tokens().token(OFFICE, "office"))
                .queryParam("applicationId", id.toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(200);
    }

    static void gateway(boolean down, List<String> withoutWhatsapp, List<String> invalidNumbers) {
        given().contentType(ContentType.JSON)
                .body(Map.of("down", down, "withoutWhatsapp", withoutWhatsapp, "invalidNumbers", invalidNumbers))
                .put(RealInfrastructure.simulatorUrl() + "/sim/gateway")
                .then()
                .statusCode(200);
    }

    /**
     * ltsa_notification_outcomes_total{channel, outcome="unreachable"}: tries on that channel that never left the
     * office (its upstream silent).
     */
    public static double unreachableTries(String channel) {
        return given().port(RealInfrastructure.managementPort())
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith("ltsa_notification_outcomes_total")
                        && line.contains("channel=\"" + channel + "\"")
                        && line.contains("outcome=\"unreachable\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
