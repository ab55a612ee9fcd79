package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Rows as the service writes them, for tests that write them behind its back (as an outage, a crash or another
 * instance leaves them) or set up a moment to record an outcome in. Not persisted: the test does that, in its own
 * transaction.
 */
public final class StoredMessages {

    private StoredMessages() {}

    /**
     * A connection to the service's database of the test's own, outside the pool (the pool's connections belong to the
     * transaction manager): for a transaction held open while the service does something, as another consumer or
     * instance would hold one.
     */
    public static Connection connectionOfItsOwn() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** An applicant's details as a contact event leaves them: by SMS, in Bahasa Indonesia. */
    public static Recipient recipient(UUID application, String phone) {
        Recipient recipient = new Recipient();
        recipient.applicationId = application;
        recipient.trackingCode = "LT-TEST2345";
        recipient.officeCode = SampleApplicant.OFFICE;
        recipient.fullName = SampleApplicant.FULL_NAME;
        recipient.phone = phone;
        recipient.channel = NotificationChannel.SMS;
        recipient.language = "id";
        recipient.updatedAt = Instant.now();
        recipient.status = ApplicationStatus.RECEIVED;
        recipient.revision = 1;
        recipient.receivedAt = recipient.updatedAt;
        recipient.statusAt = recipient.updatedAt;
        return recipient;
    }

    /** A message as a decision leaves it: waiting to be sent, due now, under the id a decision gives it. */
    public static Notification message(UUID application, ApplicationStatus transition, int revision) {
        Notification message = new Notification();
        message.id = id(application, transition, revision);
        message.applicationId = application;
        message.officeCode = SampleApplicant.OFFICE;
        message.transition = transition;
        message.revision = revision;
        message.status = NotificationStatus.PENDING;
        message.nextAttemptAt = Instant.now();
        message.createdAt = message.nextAttemptAt;
        return message;
    }

    /** The same message claimed for a call, its {@code attempts}-th, not recorded yet. */
    public static Notification claimed(UUID application, ApplicationStatus transition, int attempts) {
        Notification message = message(application, transition, 1);
        message.attempts = attempts;
        message.callInFlight = true;
        message.channel = DeliveryChannel.SMS;
        message.nextAttemptAt = Instant.now().plusSeconds(60);
        return message;
    }

    /** The id a decision gives a message (outage episode 0). */
    public static UUID id(UUID application, ApplicationStatus transition, int revision) {
        return UUID.nameUUIDFromBytes(
                (application + "/" + transition + "/" + revision + "/0").getBytes(StandardCharsets.UTF_8));
    }
}
