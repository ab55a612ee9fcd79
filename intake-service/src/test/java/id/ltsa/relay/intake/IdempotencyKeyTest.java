package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.intake.application.Application;
import id.ltsa.relay.intake.personaldata.PersonalDataCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class IdempotencyKeyTest {

    static final String OFFICE = "5203";

    @Test
    void the_same_key_and_body_answer_the_first_201_again_marked_as_replayed() {
        Map<String, Object> body = SampleApplications.valid();
        String key = UUID.randomUUID().toString();

        Response first = post(OFFICE, key, body);
        Response again = post(OFFICE, key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(null, first.header("Idempotent-Replayed"));
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422() {
        String key = UUID.randomUUID().toString();
        post(OFFICE, key, SampleApplications.valid()).then().statusCode(201);

        post(OFFICE, key, SampleApplications.valid())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void an_error_answer_is_not_kept_so_the_corrected_body_may_reuse_the_key() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> valid = SampleApplications.valid();

        post(OFFICE, key, SampleApplications.with(valid, "applicant.phone", "0812"))
                .then()
                .statusCode(400);
        post(OFFICE, key, valid).then().statusCode(201);
    }

    @Test
    void keys_are_scoped_to_the_office() {
        String key = UUID.randomUUID().toString();

        String first = post(OFFICE, key, SampleApplications.valid())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = post("5201", key, SampleApplications.valid())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertTrue(!first.equals(second));
    }

    @Test
    void a_key_longer_than_255_characters_is_named_as_the_bad_field() {
        post(OFFICE, "k".repeat(256), SampleApplications.valid())
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
    }

    @Test
    void twenty_identical_requests_at_once_create_one_application() throws Exception {
        Map<String, Object> body = SampleApplications.valid();
        String key = UUID.randomUUID().toString();
        String nik = (String) ((Map<?, ?>) body.get("applicant")).get("nik");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Response> request = () -> {
                start.await();
                return post(OFFICE, key, body);
            };
            answers.add(clients.submit(request));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        clients.shutdown();

        Set<Integer> statuses = responses.stream().map(Response::statusCode).collect(Collectors.toSet());
        assertTrue(Set.of(201, 409).containsAll(statuses), statuses.toString());
        Set<String> ids = responses.stream()
                .filter(r -> r.statusCode() == 201)
                .map(r -> r.jsonPath().getString("id"))
                .collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every 201 names the same application");
        assertEquals(
                1L,
                QuarkusTransaction.requiringNew()
                        .call(() -> Application.count(
                                "nikIndex", PersonalDataCipher.current().blindIndex(nik))));
        responses.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r ->
                        assertTrue(r.jsonPath().getString("type").endsWith("/idempotency-key-in-use"), r.asString()));
    }

    public static Response post(String office, String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(officeToken(office))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications");
    }
}
