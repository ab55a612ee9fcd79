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
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    public UUID id;
    public String kind;
    @Column(name = "episode_since")
    public Instant episodeSince;
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
}
