package id.ltsa.relay.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.localstack.PersonalDataKeysets;
import id.ltsa.relay.localstack.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service started for production (the jar, the prod profile) without one of its secrets refuses to start and names
 * what is missing, instead of running with a development value: its JWT key and issuer, submission-service's callback
 * secret, intake's keysets for applicants' data, an office service's password to the office broker. Each is started
 * with everything but one of them, so each is shown to be required on its own. (The database credentials have no
 * production default either; without them PostgreSQL refuses the connection.)
 */
class NoDefaultSecretsIT {

    private static final List<String> SECRETS = List.of(
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER",
            "LTSA_CALLBACK_SECRET",
            "LTSA_PERSONAL_DATA_KEYSET_FILE",
            "LTSA_PERSONAL_DATA_INDEX_KEYSET_FILE",
            "LTSA_KAFKA_PASSWORD");

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "intake-service, MP_JWT_VERIFY_PUBLICKEY_LOCATION, mp.jwt.verify.publickey.location",
        "intake-service, MP_JWT_VERIFY_ISSUER, mp.jwt.verify.issuer",
        "intake-service, LTSA_PERSONAL_DATA_KEYSET_FILE, ltsa.personal-data.keyset-file",
        "intake-service, LTSA_PERSONAL_DATA_INDEX_KEYSET_FILE, ltsa.personal-data.index-keyset-file",
        "submission-service, LTSA_CALLBACK_SECRET, ltsa.callback.secret",
        "submission-service, MP_JWT_VERIFY_PUBLICKEY_LOCATION, mp.jwt.verify.publickey.location",
        "notification-service, MP_JWT_VERIFY_ISSUER, mp.jwt.verify.issuer",
        "ministry-watch, MP_JWT_VERIFY_PUBLICKEY_LOCATION, mp.jwt.verify.publickey.location",
        "intake-service, LTSA_KAFKA_PASSWORD, ltsa.kafka.password",
        "submission-service, LTSA_KAFKA_PASSWORD, ltsa.kafka.password",
        "notification-service, LTSA_KAFKA_PASSWORD, ltsa.kafka.password",
    })
    void a_production_start_without_a_secret_fails_naming_it(String module, String missing, String property)
            throws Exception {
        Path log = Files.createTempFile("ltsa-" + module + "-", ".log");
        ProcessBuilder start = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        ProjectLayout.detect().serviceJar(module).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = start.environment();
        SECRETS.forEach(env::remove);
        // every secret but the one under test, with values that would do, so only that one can be what is missing
        env.put("QUARKUS_DATASOURCE_USERNAME", "ltsa");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "not-a-default");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:///nonexistent/jwt-public.pem");
        env.put("MP_JWT_VERIFY_ISSUER", "https://sso.ministry.example/realms/ltsa");
        env.put("LTSA_CALLBACK_SECRET", "not-a-default");
        env.put("LTSA_KAFKA_PASSWORD", "not-a-default");
        PersonalDataKeysets keysets = PersonalDataKeysets.in(Files.createTempDirectory("ltsa-keysets-"));
        env.put("LTSA_PERSONAL_DATA_KEYSET_FILE", keysets.keysetFile().toString());
        env.put(
                "LTSA_PERSONAL_DATA_INDEX_KEYSET_FILE",
                keysets.indexKeysetFile().toString());
        env.remove(missing);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/none");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        Process process = start.start();
        try {
            // it must end by itself: a service that started would run until killed
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), module + " started without " + missing);
            assertNotEquals(0, process.exitValue());
            String output = read(log);
            // named as the property it sets (LTSA_CALLBACK_SECRET is ltsa.callback.secret), by SmallRye Config
            assertTrue(
                    output.contains("for: " + property)
                            || output.contains("in property " + property)
                            || output.contains("property " + property + " is required"),
                    module + " failed, but not for want of " + property + ":\n" + output);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
