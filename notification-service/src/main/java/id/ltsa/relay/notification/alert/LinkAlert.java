package id.ltsa.relay.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One alert email to one contact about one outage episode, decided before it is sent. */
@Entity
@Table(name = "link_alert")
public class LinkAlert extends PanacheEntityBase {

    public static final String LINK_DOWN = "LINK_DOWN";
    public static final String LINK_RESTORED = "LINK_RESTORED";
    static final String PENDING = "PENDING";
    /** An SMS alert handed to the office modem, until gammu reports it sent. */
    static final String MODEM = "MODEM";

    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    /** A link-down email that could not leave before the link came back: the recovery email tells the whole story. */
    static final String SUPERSEDED = "SUPERSEDED";

    static final String EMAIL = "EMAIL";
    static final String LOCAL_SMS = "LOCAL_SMS";

    @Id
    public UUID id;

    public String kind;

    @Column(name = "episode_since")
    public Instant episodeSince;
    /** EMAIL, or LOCAL_SMS for the SMS contacts. */
    public String channel;
    /** An email address, or a phone number for LOCAL_SMS. */
    public String recipient;

    public String subject;
    public String body;
    public String status;
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "modem_message_id")
    public Integer modemMessageId;
}
