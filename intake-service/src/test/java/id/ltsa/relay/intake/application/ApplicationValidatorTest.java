package id.ltsa.relay.intake.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ltsa.relay.contracts.PlacementDetails;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import id.ltsa.relay.http.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the contract's intake validation, on the pure validator (no server, no database). */
class ApplicationValidatorTest {

    /** 27 November 2026, 20:00 UTC: already the 28th in Jakarta, which is the day ages are judged on. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:00:00Z"), ZoneOffset.UTC);

    final ApplicationValidator validator = ApplicationValidator.standalone(CLOCK);

    static ApplicationRequest.Applicant applicant(String nik, String birthDate, String gender) {
        return new ApplicationRequest.Applicant(
                nik,
                SampleApplicant.FULL_NAME,
                birthDate,
                SampleApplicant.BIRTH_PLACE,
                gender,
                SampleApplicant.PHONE,
                SampleApplicant.EMAIL,
                "WHATSAPP",
                "id");
    }

    static ApplicationRequest.Placement placement() {
        PlacementDetails placement = SampleApplicant.PLACEMENT;
        return new ApplicationRequest.Placement(
                placement.destinationCountry(),
                placement.scheme(),
                placement.employerName(),
                placement.jobTitle(),
                placement.p3miName());
    }

    static ApplicationRequest valid() {
        return new ApplicationRequest(
                "PASSPORT",
                applicant(SampleApplicant.NIK, SampleApplicant.BIRTH_DATE.toString(), SampleApplicant.GENDER),
                placement());
    }

    @Test
    void the_contract_example_is_valid() {
        assertEquals(List.of(), validator.validate(valid()));
    }

    @Test
    void a_woman_has_forty_added_to_her_birth_day_in_the_nik() {
        ApplicationRequest woman =
                new ApplicationRequest("PASSPORT", applicant("5203014504950001", "1995-04-05", "F"), placement());
        assertEquals(List.of(), validator.validate(woman));
    }

    static Stream<Arguments> badApplicants() {
        ApplicationRequest.Applicant ok = valid().applicant();
        return Stream.of(
                Arguments.of("NIK too short", with(ok, "nik", "520301050495"), "applicant.nik"),
                Arguments.of("NIK with letters", with(ok, "nik", "52030105049500AB"), "applicant.nik"),
                Arguments.of("NIK of no province (20)", with(ok, "nik", "2003010504950001"), "applicant.nik"),
                Arguments.of("NIK of no province (99)", with(ok, "nik", "9903010504950001"), "applicant.nik"),
                Arguments.of("NIK without regency", with(ok, "nik", "5200010504950001"), "applicant.nik"),
                Arguments.of("NIK without district", with(ok, "nik", "5203000504950001"), "applicant.nik"),
                Arguments.of("NIK birth date disagrees", with(ok, "nik", "5203010604950001"), "applicant.nik"),
                Arguments.of("NIK of a woman for a man", with(ok, "nik", "5203014504950001"), "applicant.nik"),
                Arguments.of("NIK missing", with(ok, "nik", null), "applicant.nik"),
                Arguments.of(
                        "younger than 18",
                        with(with(ok, "birthDate", "2008-11-29"), "nik", "5203012911080001"),
                        "applicant.birthDate"),
                Arguments.of(
                        "older than 60",
                        with(with(ok, "birthDate", "1965-11-27"), "nik", "5203012711650001"),
                        "applicant.birthDate"),
                Arguments.of("birth date not a date", with(ok, "birthDate", "05-04-1995"), "applicant.birthDate"),
                Arguments.of("name with digits", with(ok, "fullName", "Darwan 2"), "applicant.fullName"),
                Arguments.of("name empty", with(ok, "fullName", ""), "applicant.fullName"),
                Arguments.of("name over 100", with(ok, "fullName", "A".repeat(101)), "applicant.fullName"),
                Arguments.of("gender unknown", with(ok, "gender", "X"), "applicant.gender"),
                Arguments.of("phone not E.164", with(ok, "phone", "081234567890"), "applicant.phone"),
                Arguments.of("channel unknown", with(ok, "preferredChannel", "PIGEON"), "applicant.preferredChannel"),
                Arguments.of(
                        "EMAIL without email",
                        with(with(ok, "preferredChannel", "EMAIL"), "email", null),
                        "applicant.email"),
                Arguments.of("email malformed", with(ok, "email", "darwan.example.org"), "applicant.email"),
                // refused by its length before the pattern, whose backtracking grows with the square of the length
                Arguments.of("email of 16,000 characters", with(ok, "email", "a".repeat(16_000)), "applicant.email"),
                Arguments.of("language unknown", with(ok, "language", "jv"), "applicant.language"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplicants")
    void a_bad_applicant_field_is_named(String scenario, ApplicationRequest.Applicant applicant, String field) {
        List<FieldError> errors = validator.validate(new ApplicationRequest("PASSPORT", applicant, placement()));

        assertEquals(List.of(field), errors.stream().map(FieldError::field).toList(), scenario);
    }

    @Test
    void each_rule_says_in_words_what_is_wrong() {
        ApplicationRequest.Applicant ok = valid().applicant();
        assertEquals(
                List.of(new FieldError("applicant.nik", "does not start with an Indonesian province code")),
                validator.validate(
                        new ApplicationRequest("PASSPORT", with(ok, "nik", "9903010504950001"), placement())));
        assertEquals(
                List.of(new FieldError("applicant.nik", "does not match birthDate and gender")),
                validator.validate(
                        new ApplicationRequest("PASSPORT", with(ok, "nik", "5203010604950001"), placement())));
        assertEquals(
                List.of(new FieldError("applicant.birthDate", "must be a date like 1995-04-05")),
                validator.validate(
                        new ApplicationRequest("PASSPORT", with(ok, "birthDate", "1995-02-30"), placement())),
                "a date the calendar does not have");
        assertEquals(
                List.of(new FieldError("applicant.birthDate", "the applicant must be 18 to 60 years old")),
                validator.validate(new ApplicationRequest(
                        "PASSPORT",
                        with(with(ok, "birthDate", "2008-11-29"), "nik", "5203012911080001"),
                        placement())));
        assertEquals(
                List.of(new FieldError("applicant.email", "is longer than 254 characters")),
                validator.validate(
                        new ApplicationRequest("PASSPORT", with(ok, "email", "a".repeat(300)), placement())));
        assertEquals(
                List.of(new FieldError("placement.destinationCountry", "must be a country other than Indonesia")),
                validator.validate(new ApplicationRequest(
                        "PASSPORT", ok, new ApplicationRequest.Placement("ID", "G_TO_G", null, null, null))));
    }

    @Test
    void the_day_of_the_eighteenth_birthday_in_jakarta_counts() {
        // CLOCK is the 28th in Jakarta: born 28 November 2008 is 18 today, born the 29th is not yet
        ApplicationRequest.Applicant ok = valid().applicant();
        assertEquals(
                List.of(),
                validator.validate(new ApplicationRequest(
                        "PASSPORT",
                        with(with(ok, "birthDate", "2008-11-28"), "nik", "5203012811080001"),
                        placement())));
    }

    static Stream<Arguments> badPlacements() {
        return Stream.of(
                Arguments.of(
                        "Indonesia is not abroad",
                        new ApplicationRequest.Placement("ID", "G_TO_G", null, null, null),
                        "placement.destinationCountry"),
                Arguments.of(
                        "not an ISO code",
                        new ApplicationRequest.Placement("XK1", "G_TO_G", null, null, null),
                        "placement.destinationCountry"),
                Arguments.of(
                        "lower case",
                        new ApplicationRequest.Placement("kr", "G_TO_G", null, null, null),
                        "placement.destinationCountry"),
                Arguments.of(
                        "unknown scheme",
                        new ApplicationRequest.Placement("KR", "FREELANCE", null, null, null),
                        "placement.scheme"),
                Arguments.of(
                        "P_TO_P without P3MI",
                        new ApplicationRequest.Placement("TW", "P_TO_P", "Foxlink", null, " "),
                        "placement.p3miName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlacements")
    void a_bad_placement_field_is_named(String scenario, ApplicationRequest.Placement placement, String field) {
        List<FieldError> errors =
                validator.validate(new ApplicationRequest("PASSPORT", valid().applicant(), placement));

        assertEquals(List.of(field), errors.stream().map(FieldError::field).toList(), scenario);
    }

    @Test
    void defaults_apply_when_channel_and_language_are_left_out() {
        ApplicationRequest.Applicant ok = valid().applicant();
        ApplicationRequest.Applicant bare = new ApplicationRequest.Applicant(
                ok.nik(), ok.fullName(), ok.birthDate(), null, ok.gender(), ok.phone(), null, null, null);

        assertEquals(List.of(), validator.validate(new ApplicationRequest("PASSPORT", bare, placement())));
    }

    @Test
    void every_bad_field_is_named_at_once_not_only_the_first() {
        ApplicationRequest bad = new ApplicationRequest(
                "VISA",
                new ApplicationRequest.Applicant("1", "", "someday", null, "?", "0812", null, "EMAIL", "fr"),
                new ApplicationRequest.Placement("ID", "X", null, null, null));

        List<String> fields =
                validator.validate(bad).stream().map(FieldError::field).toList();

        assertTrue(
                fields.containsAll(List.of(
                        "documentType",
                        "applicant.nik",
                        "applicant.fullName",
                        "applicant.birthDate",
                        "applicant.gender",
                        "applicant.phone",
                        "applicant.email",
                        "applicant.language",
                        "placement.destinationCountry",
                        "placement.scheme")),
                fields.toString());
    }

    @Test
    void missing_sections_are_named() {
        List<String> fields = validator.validate(new ApplicationRequest(null, null, null)).stream()
                .map(FieldError::field)
                .toList();

        assertEquals(List.of("documentType", "applicant", "placement"), fields);
    }

    private static ApplicationRequest.Applicant with(ApplicationRequest.Applicant a, String field, String value) {
        return new ApplicationRequest.Applicant(
                field.equals("nik") ? value : a.nik(),
                field.equals("fullName") ? value : a.fullName(),
                field.equals("birthDate") ? value : a.birthDate(),
                a.birthPlace(),
                field.equals("gender") ? value : a.gender(),
                field.equals("phone") ? value : a.phone(),
                field.equals("email") ? value : a.email(),
                field.equals("preferredChannel") ? value : a.preferredChannel(),
                field.equals("language") ? value : a.language());
    }
}
