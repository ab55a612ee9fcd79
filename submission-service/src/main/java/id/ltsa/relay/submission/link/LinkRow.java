package id.ltsa.relay.submission.link;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one row of central_link: the link's state as every instance shares it. Public as Panache entities are; only
 * {@link CentralLink} reads or writes it.
 */
@Entity
@Table(name = "central_link")
public class LinkRow extends PanacheEntityBase {

    /** The table holds one row, id 1 (a CHECK says so). */
    static final int ID = 1;

    @Id
    public int id;

    @Enumerated(EnumType.STRING)
    public LinkState state;

    public Instant since;

    @Column(name = "last_error")
    public String lastError;

    @Enumerated(EnumType.STRING)
    public LinkDiagnosis diagnosis;

    public boolean paused;

    @Column(name = "next_probe_at")
    public Instant nextProbeAt;

    LinkStatus status() {
        return new LinkStatus(state, since, lastError, diagnosis, paused);
    }
}
