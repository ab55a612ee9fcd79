package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * One application as this service knows it: how to reach its applicant, once the contact details have come
 * (personal data: never log it), and the newest status heard of it (what the backlog counts). Its row is the
 * application's lock: every event of the application upserts it first ({@link #heard}), and the look for due messages
 * locks it before it reads the application's messages.
 */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    /** Where an event stands after what is known: the condition under which the status moves. */
    private static final String LATER = """
            (EXCLUDED.revision > known.revision
                OR EXCLUDED.revision = known.revision AND known.status = ANY (:rankedBelow))""";

    /** Contact details come with a contact event only (a status has none), and never come back after an erasure. */
    private static final String KEEP_CONTACT = "EXCLUDED.tracking_code IS NULL OR known.erased_at IS NOT NULL";

    /**
     * Records one event of the application in one statement that also locks its row, returns the row as it then is,
     * and reads the application's messages. The status moves only to a later position (a later revision, or further
     * along the lifecycle, whose order comes as a parameter, the statuses ranked below this one, so it is still said
     * only in {@code contracts}), never back for a late or repeated event. Waiting (the backlog) starts at RECEIVED of
     * the newest revision, which may arrive after a later status of that revision. An upsert, never find-then-insert:
     * both consumers (contacts and statuses) may meet a new application at the same moment, and the second then waits
     * for the first to commit.
     *
     * <p>The messages are read from the statement's snapshot, taken before the row was locked: a decision that
     * committed in between (or that the lock waited for) is not in it. Every decision upserts this row first, and each
     * upsert moves {@code version} on by one, so the snapshot is known to be current exactly when the version locked is
     * the one the snapshot sees (none: 0). When it is not, {@link #heard} reads the messages again, now after the lock.
     *
     * <p>It replaces four statements per event: the recipient's lock, the progress row's upsert, the read of the
     * messages, and for a contact the recipient's insert (the performance issue).
     */
    private static final String HEARD = """
            WITH heard AS (
                INSERT INTO recipient AS known (application_id, office_code, tracking_code, full_name, phone, email,
                    channel, language, updated_at, status, revision, received_at, status_at, version)
                VALUES (:id, :office, :trackingCode, :fullName, :phone, :email, :channel, :language, :now, :status,
                    :revision, :at, :at, 1)
                ON CONFLICT (application_id) DO UPDATE SET
                    tracking_code = CASE WHEN %1$s THEN known.tracking_code ELSE EXCLUDED.tracking_code END,
                    full_name = CASE WHEN %1$s THEN known.full_name ELSE EXCLUDED.full_name END,
                    phone = CASE WHEN %1$s THEN known.phone ELSE EXCLUDED.phone END,
                    email = CASE WHEN %1$s THEN known.email ELSE EXCLUDED.email END,
                    channel = CASE WHEN %1$s THEN known.channel ELSE EXCLUDED.channel END,
                    language = CASE WHEN %1$s THEN known.language ELSE EXCLUDED.language END,
                    updated_at = EXCLUDED.updated_at,
                    received_at = CASE WHEN EXCLUDED.status = 'RECEIVED' AND (EXCLUDED.revision > known.revision
                            OR EXCLUDED.revision = known.revision AND EXCLUDED.received_at < known.received_at)
                        THEN EXCLUDED.received_at ELSE known.received_at END,
                    status = CASE WHEN %2$s THEN EXCLUDED.status ELSE known.status END,
                    revision = CASE WHEN %2$s THEN EXCLUDED.revision ELSE known.revision END,
                    status_at = CASE WHEN %2$s THEN EXCLUDED.status_at ELSE known.status_at END,
                    version = known.version + 1
                RETURNING tracking_code, full_name, phone, email, channel, language, updated_at, erased_at, status,
                    revision, received_at, status_at, version)
            SELECT heard.*,
                heard.version = coalesce((SELECT version FROM recipient WHERE application_id = :id), 0) + 1 AS current,
                n.id AS message_id, n.transition AS message_transition, n.revision AS message_revision,
                n.episode AS message_episode, n.status AS message_status
            FROM heard LEFT JOIN notification n ON n.application_id = :id""".formatted(KEEP_CONTACT, LATER);

    /** What {@link #heard} found: the application's row, locked, and its messages as they are once it is locked. */
    public record Heard(Recipient recipient, List<Notification> messages) {}

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "office_code")
    public String officeCode;

    @Column(name = "full_name")
    public String fullName;

    public String phone;
    public String email;
    /** The channel the applicant chose. */
    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    public String language;

    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the applicant's contact details were erased (intake's erasure); null while kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    // Where the application stands: written by {@link #heard} alone (an entity's update would write them from what it
    // read, maybe before an upsert of the same transaction).

    /** The newest status heard. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ApplicationStatus status;

    @Column(updatable = false)
    public int revision;
    /** When the newest revision was received: the backlog counts waiting from here. */
    @Column(name = "received_at", updatable = false)
    public Instant receivedAt;
    /** When the newest status was reached. */
    @Column(name = "status_at", updatable = false)
    public Instant statusAt;

    /** Whether the contact details have come: a status may arrive before them. */
    public boolean contactKnown() {
        return trackingCode != null;
    }

    /**
     * Records a status of the application (see {@link #HEARD}) and locks its row. In the caller's transaction.
     *
     * @return the row as it now is, with the contact details if they have come, and the application's messages
     */
    public static Heard heard(
            UUID applicationId, String officeCode, ApplicationStatus status, int revision, Instant at, Instant now) {
        return heard(applicationId, officeCode, null, null, status, revision, at, now);
    }

    /**
     * Records the applicant's contact details, as their RECEIVED (registration or amendment) carries them, and locks
     * the row; details erased before are not brought back. In the caller's transaction.
     *
     * @return the row as it now is, and the application's messages
     */
    public static Heard heard(
            UUID applicationId,
            String officeCode,
            String trackingCode,
            ApplicantContact contact,
            int revision,
            Instant at,
            Instant now) {
        return heard(applicationId, officeCode, trackingCode, contact, ApplicationStatus.RECEIVED, revision, at, now);
    }

    /**
     * The row is read into a new object, not the persistence context: a row already there (an earlier event of the
     * application in the same poll) would be returned as it was loaded, without what this statement changed. So are
     * the messages, with the fields a decision looks at (id, transition, revision, episode, status): read-only copies.
     */
    @SuppressWarnings("unchecked")
    private static Heard heard(
            UUID applicationId,
            String officeCode,
            String trackingCode,
            ApplicantContact contact,
            ApplicationStatus status,
            int revision,
            Instant at,
            Instant now) {
        // what this transaction decided so far (an earlier event of the poll) must be in the table the statement reads
        getEntityManager().flush();
        // typed, since the contact's may be null: a null of no known type would not do for a text column
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(HEARD)
                .unwrap(NativeQuery.class)
                .setParameter("id", applicationId)
                .setParameter("office", officeCode)
                .setParameter("trackingCode", trackingCode, StandardBasicTypes.STRING)
                .setParameter("fullName", contact == null ? null : contact.fullName(), StandardBasicTypes.STRING)
                .setParameter("phone", contact == null ? null : contact.phone(), StandardBasicTypes.STRING)
                .setParameter("email", contact == null ? null : contact.email(), StandardBasicTypes.STRING)
                .setParameter(
                        "channel", contact == null ? null : channel(contact).name(), StandardBasicTypes.STRING)
                .setParameter(
                        "language",
                        contact == null ? null : contact.language() == null ? "id" : contact.language(),
                        StandardBasicTypes.STRING)
                .setParameter("now", now)
                .setParameter("status", status.name())
                .setParameter("revision", revision)
                .setParameter("at", at)
                .setParameter(
                        "rankedBelow",
                        status.rankedBelow().stream().map(Enum::name).toArray(String[]::new))
                .addScalar("tracking_code", StandardBasicTypes.STRING)
                .addScalar("full_name", StandardBasicTypes.STRING)
                .addScalar("phone", StandardBasicTypes.STRING)
                .addScalar("email", StandardBasicTypes.STRING)
                .addScalar("channel", StandardBasicTypes.STRING)
                .addScalar("language", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("erased_at", StandardBasicTypes.INSTANT)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("revision", StandardBasicTypes.INTEGER)
                .addScalar("received_at", StandardBasicTypes.INSTANT)
                .addScalar("status_at", StandardBasicTypes.INSTANT)
                .addScalar("current", StandardBasicTypes.BOOLEAN)
                .addScalar("message_id", StandardBasicTypes.UUID)
                .addScalar("message_transition", StandardBasicTypes.STRING)
                .addScalar("message_revision", StandardBasicTypes.INTEGER)
                .addScalar("message_episode", StandardBasicTypes.INTEGER)
                .addScalar("message_status", StandardBasicTypes.STRING)
                .getResultList();
        Object[] first = rows.get(0);
        Recipient recipient = new Recipient();
        recipient.applicationId = applicationId;
        recipient.officeCode = officeCode;
        recipient.trackingCode = (String) first[0];
        recipient.fullName = (String) first[1];
        recipient.phone = (String) first[2];
        recipient.email = (String) first[3];
        recipient.channel = first[4] == null ? null : NotificationChannel.valueOf((String) first[4]);
        recipient.language = (String) first[5];
        recipient.updatedAt = (Instant) first[6];
        recipient.erasedAt = (Instant) first[7];
        recipient.status = ApplicationStatus.valueOf((String) first[8]);
        recipient.revision = (Integer) first[9];
        recipient.receivedAt = (Instant) first[10];
        recipient.statusAt = (Instant) first[11];
        if (!(Boolean) first[12]) {
            // a decision committed after the statement's snapshot was taken: read them again, after the lock
            return new Heard(recipient, Notification.list("applicationId", applicationId));
        }
        List<Notification> messages = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[13] != null) {
                Notification message = new Notification();
                message.id = (UUID) row[13];
                message.applicationId = applicationId;
                message.transition = ApplicationStatus.valueOf((String) row[14]);
                message.revision = (Integer) row[15];
                message.episode = (Integer) row[16];
                message.status = NotificationStatus.valueOf((String) row[17]);
                messages.add(message);
            }
        }
        return new Heard(recipient, messages);
    }

    private static NotificationChannel channel(ApplicantContact contact) {
        return contact.preferredChannel() == null ? NotificationChannel.WHATSAPP : contact.preferredChannel();
    }
}
