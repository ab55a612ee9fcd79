package id.ltsa.relay.intake;

import static id.ltsa.relay.intake.ApplicationRegistrationTest.officeToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The service's own log (target/intake-test.log in tests) never holds a NIK, a name, a phone or an email. */
@QuarkusTest
class PersonalDataInLogsTest {

    @Test
    void registering_rejecting_and_duplicating_leave_no_personal_data_in_the_log() throws Exception {
        Map<String, Object> body = SampleApplications.with(
                SampleApplications.with(SampleApplications.valid(), "applicant.fullName", "Siti Rahmawati Qadarsih"),
                "applicant.email",
                "siti.qadarsih@example.org");
        Map<?, ?> applicant = (Map<?, ?>) body.get("applicant");
        given().auth()
                .oauth2(officeToken("5203"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(officeToken("5203"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/applications")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(officeToken("5203"))
                .contentType(ContentType.JSON)
                .body(SampleApplications.with(body, "applicant.gender", "X"))
                .post("/api/v1/applications")
                .then()
                .statusCode(400);

        String log = Files.readString(Path.of("target/intake-test.log"));
        for (Object personal :
                new Object[] {applicant.get("nik"), "Qadarsih", applicant.get("phone"), "siti.qadarsih@example.org"}) {
            assertFalse(log.contains(personal.toString()), "log contains " + personal);
        }
    }

    /**
     * The same NIK registered many times at once: PostgreSQL's unique index, the only check, refuses all but one. Its
     * error detail would quote the NIK ({@code Key (nik)=(...)}) into the
     * exception and Hibernate's log line; {@code logServerErrorDetail=false} keeps it out.
     */
    @Test
    void a_duplicate_nik_race_leaves_the_nik_out_of_the_log() throws Exception {
        Path logFile = Path.of("target/intake-test.log");
        List<String> niks = new ArrayList<>();
        long before = countOf(Files.readString(logFile), "23505");
        // rounds until PostgreSQL's unique index refused one (SQLSTATE 23505 in Hibernate's log): the path under test
        for (int round = 0; round < 10 && countOf(Files.readString(logFile), "23505") == before; round++) {
            Map<String, Object> body = SampleApplications.valid();
            niks.add(((Map<?, ?>) body.get("applicant")).get("nik").toString());
            List<Integer> statuses = raceOf(12, body);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one taken: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "the others duplicates: " + statuses);
        }
        String log = Files.readString(logFile);
        assertTrue(countOf(log, "23505") > before, "the race reached the unique index");
        for (String nik : niks) {
            assertFalse(log.contains(nik), "log contains a NIK");
        }
    }

    private static List<Integer> raceOf(int racers, Map<String, Object> body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(officeToken("5203"))
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/v1/applications")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static long countOf(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
