package id.ltsa.relay.intake.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The central link as last announced on ltsa.central-link; one row, created by the migration. */
@Entity
@Table(name = "last_known_link")
public class LastKnownLink extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public int id;
    /** UP, DOWN, or UNKNOWN before the first announcement. */
    public String state;

    public Instant since;
    public String diagnosis;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
