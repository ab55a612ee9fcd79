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

        @Schema(maxLength = 16, example = "LTSA-5203-7K3M9Q")
        String trackingCode,

        @Schema(maxLength = 4, pattern = "^\\d{4}$", description = "The BPS regency code of the office")
        String officeCode,

        @Schema(enumeration = "PASSPORT", maxLength = 8) String documentType,
        Applicant applicant,
        Placement placement,
        ApplicationStatus status,

        @Schema(
                nullable = true,
                maxLength = 100,
                description = "The central system's reference, once it has the application")
        String centralReference,

        @Schema(format = "int32", minimum = "1", maximum = "2147483647")
        int revision,

        @Schema(maxItems = 10000, description = "Oldest first")
        List<StatusChange> statusHistory,

        Instant createdAt,
        Instant updatedAt,
        CentralLinkState centralLink,

        @Schema(
                nullable = true,
                format = "date-time",
                maxLength = 35,
                description =
                        "When the applicant's personal data was erased (the retention after "
                                + "the final status ran out, or the ministry asked); the applicant's fields are null from then on")
        Instant personalDataErasedAt) {

    /** The applicant; the personal fields are null once erased ({@code personalDataErasedAt}). */
    @Schema(name = "ApplicantView")
    public record Applicant(
            @Schema(nullable = true, maxLength = 16) String nik,
            @Schema(nullable = true, maxLength = 100) String fullName,

            @Schema(nullable = true, format = "date", maxLength = 10)
            LocalDate birthDate,

            @Schema(nullable = true, maxLength = 100) String birthPlace,

            @Schema(
                    nullable = true,
                    enumeration = {"M", "F"},
                    maxLength = 1)
            String gender,

            @Schema(nullable = true, maxLength = 16) String phone,

            @Schema(nullable = true, maxLength = 254, format = "email")
            String email,

            @Schema(
                    enumeration = {"WHATSAPP", "SMS", "EMAIL"},
                    maxLength = 8)
            String preferredChannel,

            @Schema(
                    enumeration = {"id", "en"},
                    maxLength = 2)
            String language) {}

    @Schema(name = "PlacementView")
    public record Placement(
            @Schema(maxLength = 2, example = "KR") String destinationCountry,

            @Schema(
                    enumeration = {"G_TO_G", "P_TO_P", "PERSEORANGAN"},
                    maxLength = 12)
            String scheme,

            @Schema(nullable = true, maxLength = 200) String employerName,
            @Schema(nullable = true, maxLength = 200) String jobTitle,

            @Schema(nullable = true, maxLength = 200, description = "Set for P_TO_P placements only")
            String p3miName) {}

    public record StatusChange(
            ApplicationStatus status,
            Instant at,

            @Schema(nullable = true, maxLength = 2000, description = "Why, when the centre or the office gave a reason")
            String reason) {}

    /** The stored applicant and placement in request form, to merge a partial amendment with. */
    static ApplicationRequest asRequest(Application application) {
        return new ApplicationRequest(
                application.documentType,
                new ApplicationRequest.Applicant(
                        application.nik,
                        application.fullName,
                        application.birthDate.toString(),
                        application.birthPlace,
                        application.gender,
                        application.phone,
                        application.email,
                        application.preferredChannel.name(),
                        application.language),
                new ApplicationRequest.Placement(
                        application.destinationCountry,
                        application.scheme,
                        application.employerName,
                        application.jobTitle,
                        application.p3miName));
    }

    static ApplicationView of(Application application, List<StatusHistoryEntry> history, CentralLinkState link) {
        return new ApplicationView(
                application.id,
                application.trackingCode,
                application.officeCode,
                application.documentType,
                new Applicant(
                        application.nik,
                        application.fullName,
                        application.birthDate,
                        application.birthPlace,
                        application.gender,
                        application.phone,
                        application.email,
                        application.preferredChannel.name(),
                        application.language),
                new Placement(
                        application.destinationCountry,
                        application.scheme,
                        application.employerName,
                        application.jobTitle,
                        application.p3miName),
                application.status,
                application.centralReference,
                application.revision,
                history.stream()
                        .map(entry -> new StatusChange(entry.status, entry.at, entry.reason))
                        .toList(),
                application.createdAt,
                application.updatedAt,
                link,
                application.personalDataErasedAt);
    }
}
