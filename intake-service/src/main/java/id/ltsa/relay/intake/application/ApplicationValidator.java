package id.ltsa.relay.intake.application;

import id.ltsa.relay.intake.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The contract's rules for an application, reporting every bad field at once, never only the first. */
@ApplicationScoped
public class ApplicationValidator {

    static final Set<String> CHANNELS = Set.of("WHATSAPP", "SMS", "EMAIL");
    static final Set<String> LANGUAGES = Set.of("id", "en");
    static final Set<String> SCHEMES = Set.of("G_TO_G", "P_TO_P", "PERSEORANGAN");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern NAME = Pattern.compile("[\\p{L} .'\\-]{1,100}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    /** The longest address SMTP carries (RFC 5321's 256-octet path, less its angle brackets). */
    static final int MAX_EMAIL_LENGTH = 254;
    /** Ages are judged on the office's calendar day. */
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");

    private final Clock clock;

    ApplicationValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(ApplicationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        if (!"PASSPORT".equals(request.documentType())) {
            errors.add(new FieldError("documentType", "must be PASSPORT"));
        }
        if (request.applicant() == null) {
            errors.add(new FieldError("applicant", "is required"));
        } else {
            validateApplicant(request.applicant(), errors);
        }
        if (request.placement() == null) {
            errors.add(new FieldError("placement", "is required"));
        } else {
            validatePlacement(request.placement(), errors);
        }
        return errors;
    }

    private void validateApplicant(ApplicationRequest.Applicant applicant, List<FieldError> errors) {
        NikRules.problemWith(applicant.nik()).ifPresent(problem -> errors.add(new FieldError("applicant.nik", problem)));
        if (applicant.fullName() == null || !NAME.matcher(applicant.fullName()).matches()
                || applicant.fullName().isBlank()) {
            errors.add(new FieldError("applicant.fullName", "must be 1 to 100 letters, spaces or . ' -"));
        }
        boolean genderValid = "M".equals(applicant.gender()) || "F".equals(applicant.gender());
        if (!genderValid) {
            errors.add(new FieldError("applicant.gender", "must be M or F"));
        }
        LocalDate birthDate = parseDate(applicant.birthDate());
        if (birthDate == null) {
            errors.add(new FieldError("applicant.birthDate", "must be a date like 1995-04-05"));
        } else {
            int age = Period.between(birthDate, LocalDate.now(clock.withZone(OFFICE_ZONE))).getYears();
            if (age < 18 || age > 60) {
                errors.add(new FieldError("applicant.birthDate", "the applicant must be 18 to 60 years old"));
            } else if (genderValid && NikRules.problemWith(applicant.nik()).isEmpty()
                    && !NikRules.agreesWith(applicant.nik(), birthDate, applicant.gender())) {
                errors.add(new FieldError("applicant.nik", "does not match birthDate and gender"));
            }
        }
        if (applicant.birthPlace() != null && applicant.birthPlace().length() > 100) {
            errors.add(new FieldError("applicant.birthPlace", "must be at most 100 characters"));
        }
        if (applicant.phone() == null || !E164.matcher(applicant.phone()).matches()) {
            errors.add(new FieldError("applicant.phone", "must be in E.164 form, like +6281234567890"));
        }
        String channel = applicant.preferredChannel() == null ? "WHATSAPP" : applicant.preferredChannel();
        if (!CHANNELS.contains(channel)) {
            errors.add(new FieldError("applicant.preferredChannel", "must be WHATSAPP, SMS or EMAIL"));
        }
        boolean hasEmail = applicant.email() != null && !applicant.email().isBlank();
        if (hasEmail && applicant.email().length() > MAX_EMAIL_LENGTH) {
            // before the pattern: its backtracking grows with the square of the length (16,000 characters: 269 ms)
            errors.add(new FieldError("applicant.email", "is longer than " + MAX_EMAIL_LENGTH + " characters"));
        } else if (hasEmail && !EMAIL.matcher(applicant.email()).matches()) {
            errors.add(new FieldError("applicant.email", "is not an email address"));
        } else if (!hasEmail && "EMAIL".equals(channel)) {
            errors.add(new FieldError("applicant.email", "is required when preferredChannel is EMAIL"));
        }
        if (applicant.language() != null && !LANGUAGES.contains(applicant.language())) {
            errors.add(new FieldError("applicant.language", "must be id or en"));
        }
    }

    private static void validatePlacement(ApplicationRequest.Placement placement, List<FieldError> errors) {
        String country = placement.destinationCountry();
        if (country == null || !COUNTRIES.contains(country)) {
            errors.add(new FieldError("placement.destinationCountry", "must be an ISO 3166-1 alpha-2 code, like KR"));
        } else if ("ID".equals(country)) {
            errors.add(new FieldError("placement.destinationCountry", "must be a country other than Indonesia"));
        }
        if (placement.scheme() == null || !SCHEMES.contains(placement.scheme())) {
            errors.add(new FieldError("placement.scheme", "must be G_TO_G, P_TO_P or PERSEORANGAN"));
        } else if ("P_TO_P".equals(placement.scheme())
                && (placement.p3miName() == null || placement.p3miName().isBlank())) {
            errors.add(new FieldError("placement.p3miName", "is required for the P_TO_P scheme"));
        }
        checkLength("placement.employerName", placement.employerName(), 200, errors);
        checkLength("placement.jobTitle", placement.jobTitle(), 200, errors);
        checkLength("placement.p3miName", placement.p3miName(), 200, errors);
    }

    private static void checkLength(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static LocalDate parseDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
