package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two offices, every endpoint: another office's application is indistinguishable from a missing one. */
@QuarkusTest
class CrossOfficeAccessTest {

    static final String LOMBOK_TIMUR = "5203";
    static final String LOMBOK_BARAT = "5201";
    static final String MISSING = "00000000-0000-0000-0000-000000000000";

    /** Every endpoint on one application, called with a token and the application's id. */
    static Stream<Arguments> endpoints() {
        BiFunction<String, String, Response> get =
                (token, id) -> given().auth().oauth2(token).get("/api/v1/applications/" + id);
        BiFunction<String, String, Response> withdraw = (token, id) -> given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .post("/api/v1/applications/" + id + "/withdrawal");
        BiFunction<String, String, Response> amend = (token, id) -> given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("placement", Map.of("destinationCountry", "JP", "scheme", "G_TO_G")))
                .post("/api/v1/applications/" + id + "/amendments");
        return Stream.of(Arguments.of("read", get), Arguments.of("withdraw", withdraw), Arguments.of("amend", amend));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void another_office_gets_exactly_the_answer_of_a_missing_application(
            String name, BiFunction<String, String, Response> call) {
        for (String[] pair : new String[][] {{LOMBOK_TIMUR, LOMBOK_BARAT}, {LOMBOK_BARAT, LOMBOK_TIMUR}}) {
            String id = ApplicationRegistrationTest.register(pair[0]);

            Response foreign = call.apply(officeToken(pair[1]), id);
            Response missing = call.apply(officeToken(pair[1]), MISSING);

            assertEquals(404, foreign.statusCode(), name);
            assertEquals(missing.statusCode(), foreign.statusCode(), name);
            assertEquals(missing.body().asString(), foreign.body().asString(), name);
            given().auth()
                    .oauth2(officeToken(pair[0]))
                    .get("/api/v1/applications/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECEIVED")); // unchanged by the other office
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void an_ops_token_is_forbidden(String name, BiFunction<String, String, Response> call) {
        String id = ApplicationRegistrationTest.register(LOMBOK_TIMUR);

        call.apply(RealInfrastructure.tokens().token(null, "ops"), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .get("/api/v1/applications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("revision", equalTo(1));
    }

    @org.junit.jupiter.api.Test
    void an_office_lists_only_its_own_and_the_ministry_lists_all() {
        String east = ApplicationRegistrationTest.register(LOMBOK_TIMUR);
        String west = ApplicationRegistrationTest.register(LOMBOK_BARAT);

        given().auth()
                .oauth2(officeToken(LOMBOK_BARAT))
                .queryParam("size", 100)
                .get("/api/v1/applications")
                .then()
                .statusCode(200)
                .body("items.officeCode", everyItem(equalTo(LOMBOK_BARAT)))
                .body("items.id", hasItem(west));
        given().auth()
                .oauth2(RealInfrastructure.tokens().token(null, "ministry"))
                .queryParam("size", 100)
                .get("/api/v1/applications")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(east))
                .body("items.id", hasItem(west));
    }

    @org.junit.jupiter.api.Test
    void lists_are_paged_newest_first_and_size_is_capped_at_100() {
        String older = ApplicationRegistrationTest.register(LOMBOK_TIMUR);
        String newer = ApplicationRegistrationTest.register(LOMBOK_TIMUR);

        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .queryParam("size", 2)
                .queryParam("status", "RECEIVED")
                .get("/api/v1/applications")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(newer))
                .body("items[1].id", equalTo(older))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items.size()", lessThanOrEqualTo(2));
        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .queryParam("size", 101)
                .get("/api/v1/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .queryParam("status", "LOST")
                .get("/api/v1/applications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        // a page far past any office's applications: refused before the database scans its way there
        given().auth()
                .oauth2(officeToken(LOMBOK_TIMUR))
                .queryParam("page", 10_001)
                .get("/api/v1/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }
}
