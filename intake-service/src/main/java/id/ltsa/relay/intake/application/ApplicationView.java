package id.ltsa.relay.intake.application;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.intake.link.CentralLinkState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as the intake API answers it. */
public record ApplicationView(
        UUID id,
        String trackingCode,
        String officeCode,
        String documentType,
        Applicant applicant,
        Placement placement,
        ApplicationStatus status,
        String centralReference,
        int revision,
        List<StatusChange> statusHistory,
        Instant createdAt,
        Instant updatedAt,
        CentralLinkState centralLink,
        @Schema(nullable = true, description = "When the applicant's personal data was erased (the retention after "
                + "the final status ran out, or the ministry asked); the applicant's fields are null from then on")
        Instant personalDataErasedAt) {

    public record Applicant(String nik, String fullName, LocalDate birthDate, String birthPlace, String gender,
            String phone, String email, String preferredChannel, String language) {
    }

    public record Placement(String destinationCountry, String scheme, String employerName, String jobTitle,
            String p3miName) {
    }

    public record StatusChange(ApplicationStatus status, Instant at, String reason) {
    }

    /** The stored applicant and placement in request form, to merge a partial amendment with. */
    static ApplicationRequest asRequest(Application application) {
        return new ApplicationRequest(application.documentType,
                new ApplicationRequest.Applicant(application.nik, application.fullName,
                        application.birthDate.toString(), application.birthPlace, application.gender,
                        application.phone, application.email, application.preferredChannel.name(),
                        application.language),
                new ApplicationRequest.Placement(application.destinationCountry, application.scheme,
                        application.employerName, application.jobTitle, application.p3miName));
    }

    static ApplicationView of(Application application, List<StatusHistoryEntry> history, CentralLinkState link) {
        return new ApplicationView(application.id, application.trackingCode, application.officeCode,
                application.documentType,
                new Applicant(application.nik, application.fullName, application.birthDate, application.birthPlace,
                        application.gender, application.phone, application.email,
                        application.preferredChannel.name(), application.language),
                new Placement(application.destinationCountry, application.scheme, application.employerName,
                        application.jobTitle, application.p3miName),
                application.status, application.centralReference, application.revision,
                history.stream().map(entry -> new StatusChange(entry.status, entry.at, entry.reason)).toList(),
                application.createdAt, application.updatedAt, link, application.personalDataErasedAt);
    }
}
