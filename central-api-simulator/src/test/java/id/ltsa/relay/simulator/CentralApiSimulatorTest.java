package id.ltsa.relay.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CentralApiSimulatorTest {

    @TestHTTPResource("/central/v1/passport-applications")
    URI central;

    @BeforeEach
    void normalMode() {
        given().post("/sim/reset").then().statusCode(204);
    }

    @Test
    void creates_once_per_idempotency_key_and_replays_the_same_answer() {
        String id = UUID.randomUUID().toString();
        String reference = submit(id, 1, id + "-r1")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACCEPTED"))
                .extract()
                .path("centralReference");

        submit(id, 1, id + "-r1").then().statusCode(200).body("centralReference", equalTo(reference));

        given().get("/sim/stats")
                .then()
                .body("received", equalTo(2))
                .body("uniqueApplications", equalTo(1))
                .body("replays", equalTo(1))
                .body("duplicateCreates", equalTo(0));
        given().get("/sim/applications/" + id)
                .then()
                .body("creates", equalTo(1))
                .body("revisions[0].idempotencyKey", equalTo(id + "-r1"));
    }

    @Test
    void counts_a_second_create_of_the_same_revision_under_another_key_as_a_duplicate() {
        String id = UUID.randomUUID().toString();
        submit(id, 1, "first-key").then().statusCode(201);
        submit(id, 1, "second-key").then().statusCode(201);

        given().get("/sim/stats").then().body("duplicateCreates", equalTo(1));
    }

    @Test
    void down_drops_the_connection_without_any_http_answer_and_counts_it() {
        setMode("{\"mode\":\"DOWN\"}");
        HttpRequest request = HttpRequest.newBuilder(central)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k")
                .POST(HttpRequest.BodyPublishers.ofString("{\"applicationId\":\"a\",\"revision\":1}"))
                .build();

        assertThrows(IOException.class, () -> HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString()));
        given().get("/sim/stats").then().body("droppedWhileDown", equalTo(1)).body("received", equalTo(0));
    }

    @Test
    void reject_all_answers_422_with_errors_and_creates_nothing() {
        setMode("{\"mode\":\"REJECT_ALL\"}");
        String id = UUID.randomUUID().toString();

        submit(id, 1, id + "-r1").then().statusCode(422).body("errors[0].field", notNullValue());
        given().get("/sim/stats").then().body("rejected", equalTo(1)).body("uniqueApplications", equalTo(0));
    }

    @Test
    void flaky_with_rate_one_always_answers_503() {
        setMode("{\"mode\":\"FLAKY\",\"failureRate\":1.0}");
        String id = UUID.randomUUID().toString();

        submit(id, 1, id + "-r1").then().statusCode(503);
        given().get("/sim/stats").then().body("uniqueApplications", equalTo(0));
    }

    @Test
    void slow_answers_late_and_still_creates_the_application() {
        setMode("{\"mode\":\"SLOW\",\"latencyMs\":300}");
        String id = UUID.randomUUID().toString();

        submit(id, 1, id + "-r1").then().statusCode(201).time(org.hamcrest.Matchers.greaterThanOrEqualTo(300L));
        given().get("/sim/stats").then().body("uniqueApplications", equalTo(1));
    }

    @Test
    void an_unknown_mode_is_refused() {
        given().contentType(ContentType.JSON)
                .body("{\"mode\":\"SIDEWAYS\"}")
                .put("/sim/mode")
                .then()
                .statusCode(400);
    }

    @Test
    void gateway_records_a_message_once_per_idempotency_key() {
        String to = "+62811" + (System.nanoTime() % 10_000_000);
        String body = "{\"to\":\"" + to + "\",\"channel\":\"WHATSAPP\",\"text\":\"Halo\"}";
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "n-1")
                .body(body)
                .post("/gateway/v1/messages")
                .then()
                .statusCode(202)
                .extract()
                .path("messageId");

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "n-1")
                .body(body)
                .post("/gateway/v1/messages")
                .then()
                .statusCode(202)
                .body("messageId", equalTo(first));

        given().queryParam("to", to)
                .get("/sim/messages")
                .then()
                .body("items", hasSize(1))
                .body("items[0].text", equalTo("Halo"));
    }

    @Test
    void gateway_faults_are_a_503_when_down_and_a_422_for_a_number_without_whatsapp() {
        String to = "+62811" + (System.nanoTime() % 10_000_000);
        given().contentType(ContentType.JSON)
                .body("{\"withoutWhatsapp\":[\"" + to + "\"]}")
                .put("/sim/gateway")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"channel\":\"WHATSAPP\",\"text\":\"Halo\"}")
                .post("/gateway/v1/messages")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"channel\":\"SMS\",\"text\":\"Halo\"}")
                .post("/gateway/v1/messages")
                .then()
                .statusCode(202);

        given().contentType(ContentType.JSON)
                .body("{\"down\":true}")
                .put("/sim/gateway")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"channel\":\"SMS\",\"text\":\"Lagi\"}")
                .post("/gateway/v1/messages")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue());

        given().queryParam("to", to).get("/sim/messages").then().body("items.channel", hasSize(1));
    }

    @Test
    void its_own_uplink_mode_drops_the_central_api_and_the_gateway_until_restored() {
        given().contentType(ContentType.JSON)
                .body("{\"cut\":true}")
                .put("/sim/uplink")
                .then()
                .statusCode(200)
                .body("cut", equalTo(true));
        HttpRequest create = HttpRequest.newBuilder(central)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "u-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"applicationId\":\"u\",\"revision\":1}"))
                .build();
        HttpRequest message = HttpRequest.newBuilder(central.resolve("/gateway/v1/messages"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+62811\",\"channel\":\"SMS\",\"text\":\"x\"}"))
                .build();
        try {
            assertThrows(IOException.class, () -> HttpClient.newHttpClient()
                    .send(create, HttpResponse.BodyHandlers.ofString()));
            assertThrows(IOException.class, () -> HttpClient.newHttpClient()
                    .send(message, HttpResponse.BodyHandlers.ofString()));
        } finally {
            given().contentType(ContentType.JSON)
                    .body("{\"cut\":false}")
                    .put("/sim/uplink")
                    .then()
                    .statusCode(200);
        }
        given().contentType(ContentType.JSON)
                .body("{\"to\":\"+62811\",\"channel\":\"SMS\",\"text\":\"x\"}")
                .post("/gateway/v1/messages")
                .then()
                .statusCode(202);
    }

    private static io.restassured.response.Response submit(String applicationId, int revision, String key) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"applicationId\":\"" + applicationId + "\",\"revision\":" + revision + "}")
                .post("/central/v1/passport-applications");
    }

    private static void setMode(String body) {
        given().contentType(ContentType.JSON).body(body).put("/sim/mode").then().statusCode(200);
    }
}
