package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One status an application went through, oldest first. */
@Entity
@Table(name = "status_history")
public class StatusHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    public String reason;
    public int revision;
    public Instant at;

    public static StatusHistoryEntry of(
            UUID applicationId, ApplicationStatus status, String reason, int revision, Instant at) {
        StatusHistoryEntry entry = new StatusHistoryEntry();
        entry.applicationId = applicationId;
        entry.status = status;
        entry.reason = reason;
        entry.revision = revision;
        entry.at = at;
        return entry;
    }

    public static List<StatusHistoryEntry> of(UUID applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
