package id.ltsa.relay.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The link to the central API as last reported on ltsa.central-link; one row, created by the migration. */
@Entity
@Table(name = "central_link_view")
public class CentralLinkView extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public int id;

    public String state;
    public Instant since;

    @Column(name = "last_error")
    public String lastError;
    /** Why the link is down, as submission-service diagnosed it; null while up. */
    public String diagnosis;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
