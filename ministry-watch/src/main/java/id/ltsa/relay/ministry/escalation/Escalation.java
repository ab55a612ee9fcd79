package id.ltsa.relay.ministry.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One email to one duty contact about one office's episode of SILENT or LINK_DOWN, decided before it is sent. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    @Id
    public UUID id;

    @Column(name = "office_code")
    public String officeCode;

    public String state;

    @Column(name = "episode_since")
    public Instant episodeSince;

    public String recipient;
    public String subject;
    public String body;
    public String status;
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
