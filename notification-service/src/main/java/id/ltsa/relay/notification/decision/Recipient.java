package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.NotificationChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How to reach the applicant of one application. Personal data: never log it. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

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
}
