package id.ltsa.relay.notification.modem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the office modem sent and received, read from gammu's own tables: its outbox (still to go, QUEUED), its
 * sentitems (gammu's status: SendingOK, SendingError, ...) and its inbox (with how this service handled each SMS).
 */
@ApplicationScoped
public class ModemMessages {

    /** One SMS through the modem; {@code direction} is {@code out} or {@code in}. Personal data: never log it. */
    public record ModemMessage(String direction, String number, String text, String status, Instant at) {}

    static final int LIMIT = 500;

    private final EntityManager entityManager;
    private final ModemHealth health;

    ModemMessages(EntityManager entityManager, ModemHealth health) {
        this.entityManager = entityManager;
        this.health = health;
    }

    /** Newest first, at most {@value #LIMIT}; {@code number} and {@code direction} filter when given. */
    @Transactional
    public List<ModemMessage> list(String number, String direction) {
        if (!health.current().present()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        if (direction == null || "out".equals(direction)) {
            parts.add("""
                    SELECT 'out', "DestinationNumber", "TextDecoded", 'QUEUED', "InsertIntoDB" AT TIME ZONE 'UTC'
                    FROM gammu.outbox""" + where("\"DestinationNumber\"", number));
            parts.add("""
                    SELECT 'out', "DestinationNumber", "TextDecoded", "Status", "SendingDateTime" AT TIME ZONE 'UTC'
                    FROM gammu.sentitems""" + where("\"DestinationNumber\"", number));
        }
        if (direction == null || "in".equals(direction)) {
            parts.add("""
                    SELECT 'in', i."SenderNumber", i."TextDecoded",
                        coalesce(q.outcome, CASE WHEN i."Processed" THEN 'PROCESSED' ELSE 'RECEIVED' END),
                        i."ReceivingDateTime" AT TIME ZONE 'UTC'
                    FROM gammu.inbox i LEFT JOIN sms_query q ON q.inbox_id = i."ID\"""" + where("i.\"SenderNumber\"", number));
        }
        Query query =
                entityManager.createNativeQuery(String.join(" UNION ALL ", parts) + " ORDER BY 5 DESC LIMIT " + LIMIT);
        if (number != null) {
            query.setParameter("number", number);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new ModemMessage(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        GammuTime.toInstant(row[4])))
                .toList();
    }

    private static String where(String column, String number) {
        return number == null ? "" : " WHERE " + column + " = :number";
    }
}
