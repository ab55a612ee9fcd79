package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.intake.personaldata.EncryptedColumn;
import id.ltsa.relay.intake.personaldata.PersonalDataCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application as intake stores it. Never leaves the service as is: see {@link ApplicationView}. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "office_code")
    public String officeCode;

    @Column(name = "document_type")
    public String documentType;

    public int revision;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    @Column(name = "status_revision")
    public int statusRevision;

    @Column(name = "central_reference")
    public String centralReference;

    /** Encrypted at rest, as are phone and email (docs/architecture.md, "Applicants' data at rest"). */
    @Convert(converter = EncryptedColumn.Nik.class)
    public String nik;
    /** The NIK's blind index: what the one-open-application check and its unique index compare. */
    @Column(name = "nik_index")
    public String nikIndex;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "birth_place")
    public String birthPlace;

    public String gender;

    @Convert(converter = EncryptedColumn.Phone.class)
    public String phone;

    @Convert(converter = EncryptedColumn.Email.class)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public NotificationChannel preferredChannel;

    public String language;

    @Column(name = "destination_country")
    public String destinationCountry;

    public String scheme;

    @Column(name = "employer_name")
    public String employerName;

    @Column(name = "job_title")
    public String jobTitle;

    @Column(name = "p3mi_name")
    public String p3miName;

    /** When the applicant's personal data was erased (retention or request); null while it is kept. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The blind index follows the NIK wherever it is set (registration, amendment). */
    @PrePersist
    @PreUpdate
    void indexNik() {
        nikIndex = nik == null ? null : PersonalDataCipher.current().blindIndex(nik);
    }
}
