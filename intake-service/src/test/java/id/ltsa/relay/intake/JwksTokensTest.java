package id.ltsa.relay.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import id.ltsa.relay.localstack.DevKeys;
import id.ltsa.relay.localstack.DevTokens;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys from a JWKS URL, as the ministry's identity provider publishes them: mp.jwt.verify.publickey.location names the
 * URL, and when the provider rotates its signing key, a token under the new key id makes the service fetch the set
 * again (SmallRye JWT's refresh on an unknown kid) instead of refusing until a restart.
 */
@QuarkusTest
@TestProfile(JwksTokensTest.FromAJwksUrl.class)
class JwksTokensTest {

    public static class FromAJwksUrl implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    RealInfrastructure.class,
                    Map.of("database", "intake_jwks", "publickey-location", JwksServer.url())));
        }
    }

    /**
     * The identity provider's JWKS endpoint: serves the key set in {@link #PUBLISHED}. Keys and set are files, not
     * fields: the profile that starts the server and the test that rotates the key may live in different class
     * loaders.
     */
    static final class JwksServer {
        static final Path HOME = Path.of("target/jwks-test");
        static final Path PUBLISHED = HOME.resolve("jwks.json");
        private static HttpServer server;

        static DevKeys key(String keyId) {
            return DevKeys.in(HOME.resolve(keyId));
        }

        /** Started once per JVM, before the application that reads it, publishing key-1. */
        static synchronized String url() {
            if (server == null) {
                try {
                    Files.createDirectories(HOME);
                    Files.writeString(PUBLISHED, key("key-1").jwks("key-1"));
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                    server.createContext("/jwks.json", exchange -> {
                        byte[] body = Files.readAllBytes(PUBLISHED);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
                    server.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        }
    }

    @Test
    void tokens_verify_against_the_jwks_url_and_a_rotated_key_is_fetched_again() throws Exception {
        String underKey1 = new DevTokens(JwksServer.key("key-1"), "key-1").token("5203", "office");
        given().auth().oauth2(underKey1).get("/api/v1/applications").then().statusCode(200);

        // the provider rotates: only the new key is published, and new tokens carry its id
        Files.writeString(JwksServer.PUBLISHED, JwksServer.key("key-2").jwks("key-2"));
        String underKey2 = new DevTokens(JwksServer.key("key-2"), "key-2").token("5203", "office");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(underKey2)
                .get("/api/v1/applications")
                .then()
                .statusCode(200));

        // a token signed by a key the provider never published stays out
        DevKeys stranger = JwksServer.key("stranger");
        given().auth()
                .oauth2(new DevTokens(stranger, "key-2").token("5203", "office"))
                .get("/api/v1/applications")
                .then()
                .statusCode(401);
    }
}
