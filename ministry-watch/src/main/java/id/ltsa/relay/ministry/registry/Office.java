package id.ltsa.relay.ministry.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One office as the ministry knows it: from the registry, from what it last heard, and the state that follows. */
@Entity
@Table(name = "office")
public class Office extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
    public String contacts;
    /** In the registry of expected offices; an office heard from without being registered is shown too. */
    public boolean registered;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "link_state")
    public String linkState;

    @Column(name = "link_since")
    public Instant linkSince;

    @Column(name = "link_diagnosis")
    public String linkDiagnosis;
    /** OK, LINK_DOWN, SILENT or NEVER_SEEN; null until the office's first evaluation. */
    public String state;

    @Column(name = "state_since")
    public Instant stateSince;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
