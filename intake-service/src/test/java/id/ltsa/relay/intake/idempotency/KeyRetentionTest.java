package id.ltsa.relay.intake.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.intake.IdempotencyKeyTest;
import id.ltsa.relay.intake.SampleApplications;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keys answer replays for the 30 days the contract promises, and are forgotten after that, not kept forever. */
@QuarkusTest
class KeyRetentionTest {

    static final String OFFICE = "5203";

    @Inject
    IdempotencyKeys keys;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_key_still_replays_after_29_days_and_is_forgotten_after_30() throws Exception {
        Map<String, Object> body = SampleApplications.valid();
        String young = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        Response first = IdempotencyKeyTest.post(OFFICE, young, body);
        assertEquals(201, first.statusCode());
        assertEquals(
                201,
                IdempotencyKeyTest.post(OFFICE, old, SampleApplications.valid()).statusCode());
        age(young, 29);
        age(old, 31);

        keys.forgetOldKeys();

        assertEquals(1, rows(young));
        assertEquals(0, rows(old));
        Response replay = IdempotencyKeyTest.post(OFFICE, young, body);
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.body().asString(), replay.body().asString());
    }

    private void age(String key, int days) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE idempotency_key SET created_at = now() - make_interval(days => ?)
                        WHERE office_code = ? AND idempotency_key = ?""")) {
            update.setInt(1, days);
            update.setString(2, OFFICE);
            update.setString(3, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private long rows(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM idempotency_key WHERE office_code = ? AND idempotency_key = ?")) {
            count.setString(1, OFFICE);
            count.setString(2, key);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
