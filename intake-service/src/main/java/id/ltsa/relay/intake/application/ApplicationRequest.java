package id.ltsa.relay.intake.application;

import id.ltsa.relay.intake.application.rules.AgeBetween;
import id.ltsa.relay.intake.application.rules.AgencyForPrivatePlacement;
import id.ltsa.relay.intake.application.rules.CountryAbroad;
import id.ltsa.relay.intake.application.rules.EmailAddress;
import id.ltsa.relay.intake.application.rules.EmailWhenChosen;
import id.ltsa.relay.intake.application.rules.Nik;
import id.ltsa.relay.intake.application.rules.NikAgreesWithBirth;
import id.ltsa.relay.intake.application.rules.NikRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/v1/applications as a client sends it, with the contract's rules as Bean Validation
 * constraints, which the OpenAPI document shows (pattern, maxLength, enum, required). Every value is read as text, so
 * a wrong value is reported with every other bad field by {@link ApplicationValidator} instead of failing the parse.
 * Fields the server owns (id, status, officeCode, ...) have no place here, so sending them changes nothing.
 * A field's constraints share one message, so a wrong field is named once.
 */
public record ApplicationRequest(
        @NotNull(message = "must be PASSPORT")
        @Pattern(regexp = "PASSPORT", message = "must be PASSPORT")
        @Schema(enumeration = "PASSPORT", maxLength = 8)
        String documentType,

        @NotNull(message = "is required") @Valid Applicant applicant,
        @NotNull(message = "is required") @Valid Placement placement) {

    /** Whom the application is for, and how they want to hear about it. */
    @NikAgreesWithBirth
    @EmailWhenChosen
    public record Applicant(
            @NotNull(message = "is required")
            @Pattern(regexp = NikRules.PATTERN, message = "must be exactly 16 digits")
            @Size(min = 16, max = 16, message = "must be exactly 16 digits")
            @Nik
            @Schema(
                    description = "Nomor Induk Kependudukan: province, regency and district, birth date (day + 40 for"
                            + " women), serial",
                    example = "5203010504950001")
            String nik,

            @NotBlank(message = NAME_RULE)
            @Size(max = 100, message = NAME_RULE)
            @Pattern(regexp = "[\\p{L} .'\\-]{1,100}", message = NAME_RULE)
            String fullName,

            @NotNull(message = DATE_RULE)
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = DATE_RULE)
            @Size(max = 10, message = DATE_RULE)
            @AgeBetween(min = 18, max = 60, message = DATE_RULE)
            @Schema(format = "date", example = "1995-04-05")
            String birthDate,

            @Size(max = 100, message = "must be at most 100 characters") @Schema(nullable = true)
            String birthPlace,

            @NotNull(message = "must be M or F")
            @Pattern(regexp = "[MF]", message = "must be M or F")
            @Schema(
                    enumeration = {"M", "F"},
                    maxLength = 1)
            String gender,

            @NotNull(message = PHONE_RULE)
            @Pattern(regexp = "\\+[1-9]\\d{7,14}", message = PHONE_RULE)
            @Size(max = 16, message = PHONE_RULE)
            @Schema(example = "+6281234567890")
            String phone,

            @Size(max = EmailAddress.MAX_LENGTH, message = "is longer than " + EmailAddress.MAX_LENGTH + " characters")
            @EmailAddress
            @Schema(format = "email", nullable = true)
            String email,

            @Pattern(regexp = "WHATSAPP|SMS|EMAIL", message = "must be WHATSAPP, SMS or EMAIL")
            @Schema(
                    enumeration = {"WHATSAPP", "SMS", "EMAIL"},
                    maxLength = 8,
                    nullable = true,
                    defaultValue = "WHATSAPP")
            String preferredChannel,

            @Pattern(regexp = "id|en", message = "must be id or en")
            @Schema(
                    enumeration = {"id", "en"},
                    maxLength = 2,
                    nullable = true,
                    defaultValue = "id")
            String language) {

        static final String NAME_RULE = "must be 1 to 100 letters, spaces or . ' -";
        static final String DATE_RULE = "must be a date like 1995-04-05";
        static final String PHONE_RULE = "must be in E.164 form, like +6281234567890";
    }

    /** Where and through which scheme the worker is placed. */
    @AgencyForPrivatePlacement
    public record Placement(
            @NotNull(message = COUNTRY_RULE)
            @Pattern(regexp = "[A-Z]{2}", message = COUNTRY_RULE)
            @Size(min = 2, max = 2, message = COUNTRY_RULE)
            @CountryAbroad(message = COUNTRY_RULE)
            @Schema(example = "KR")
            String destinationCountry,

            @NotNull(message = SCHEME_RULE)
            @Pattern(regexp = "G_TO_G|P_TO_P|PERSEORANGAN", message = SCHEME_RULE)
            @Schema(
                    enumeration = {"G_TO_G", "P_TO_P", "PERSEORANGAN"},
                    maxLength = 12)
            String scheme,

            @Size(max = 200, message = "must be at most 200 characters") @Schema(nullable = true)
            String employerName,

            @Size(max = 200, message = "must be at most 200 characters") @Schema(nullable = true)
            String jobTitle,

            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(nullable = true, description = "The placement agency (P3MI); required for P_TO_P")
            String p3miName) {

        static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-2 code, like KR";
        static final String SCHEME_RULE = "must be G_TO_G, P_TO_P or PERSEORANGAN";
    }
}
