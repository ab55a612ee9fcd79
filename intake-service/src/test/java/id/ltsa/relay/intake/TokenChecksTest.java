package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.http.tokens.VerifiedTokens;
import id.ltsa.relay.localstack.DevTokens;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a token must be besides signed: for LTSA Relay (its audience), not expired, and issued less than a working day
 * ago (mp.jwt.verify.token.age), so a token that leaks is not good forever. Anything else is 401, as a bad signature is.
 */
@QuarkusTest
class TokenChecksTest {

    static final String LIST = "/api/v1/applications";

    private static DevTokens tokens() {
        return RealInfrastructure.tokens();
    }

    @Test
    void a_fresh_token_for_ltsa_relay_is_accepted() {
        given().auth()
                .oauth2(tokens().token("5203", "office", Duration.ofHours(1), DevTokens.AUDIENCE, Instant.now()))
                .get(LIST)
                .then()
                .statusCode(200);
    }

    @Test
    void a_token_for_another_audience_is_401() {
        given().auth()
                .oauth2(tokens().token("5203", "office", Duration.ofHours(1), "sisko-p2mi", Instant.now()))
                .get(LIST)
                .then()
                .statusCode(401);
    }

    @Test
    void a_token_issued_more_than_8_hours_ago_is_401_even_before_it_expires() {
        Instant nineHoursAgo = Instant.now().minus(Duration.ofHours(9));
        given().auth()
                .oauth2(tokens().token("5203", "office", Duration.ofHours(24), DevTokens.AUDIENCE, nineHoursAgo))
                .get(LIST)
                .then()
                .statusCode(401);
    }

    @Test
    void an_expired_token_is_401() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        given().auth()
                .oauth2(tokens().token("5203", "office", Duration.ofHours(1), DevTokens.AUDIENCE, twoHoursAgo))
                .get(LIST)
                .then()
                .statusCode(401);
    }

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void a_token_the_parser_accepted_is_kept_for_the_next_request_and_a_refused_one_is_not() {
        String accepted = tokens().token("5203", "office", Duration.ofHours(1), DevTokens.AUDIENCE, Instant.now());
        String refused = tokens().token("5203", "office", Duration.ofHours(1), "sisko-p2mi", Instant.now());

        given().auth().oauth2(accepted).get(LIST).then().statusCode(200);
        given().auth().oauth2(refused).get(LIST).then().statusCode(401);

        assertTrue(verifiedTokens.keeps(accepted), "verified once, then kept (TokenVerificationCache)");
        assertFalse(verifiedTokens.keeps(refused));
        given().auth().oauth2(accepted).get(LIST).then().statusCode(200);
        given().auth().oauth2(refused).get(LIST).then().statusCode(401);
    }
}
