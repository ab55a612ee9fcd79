package id.ltsa.relay.contracts.testing;

import id.ltsa.relay.contracts.ApplicantContact;
import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.PlacementDetails;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applicant every test registers, built here once and shared through contracts' test-jar: Darwan Hadi, a man from
 * Selong (Lombok Timur) born 5 April 1995, going to Korea under G to G as a production operator. Each test that needs
 * many of him varies only what must be unique: the NIK's serial, the phone, the email.
 *
 * <p>He comes in the three forms the system sees: the registration body an office's system posts to intake, the
 * snapshot the events carry ({@link ApplicantDetails}) and the contact notification-service keeps ({@link
 * ApplicantContact}). The body's fields are the event's, so both are written from the same values.
 */
public final class SampleApplicant {

    public static final String FULL_NAME = "Darwan Hadi";
    public static final LocalDate BIRTH_DATE = LocalDate.of(1995, 4, 5);
    public static final String BIRTH_PLACE = "Selong";
    public static final String GENDER = "M";
    /** Lombok Timur's LTSA office, where he registers. */
    public static final String OFFICE = "5203";
    /** Province 52 (NTB), regency 03 (Lombok Timur), district 01: the first six digits of his NIK. */
    public static final String DISTRICT = "520301";

    public static final String NIK = nik(1);
    public static final String PHONE = "+6281234567890";
    public static final String EMAIL = "darwan@example.org";
    public static final PlacementDetails PLACEMENT =
            new PlacementDetails("KR", "G_TO_G", "Hanil Manufacturing", "Production operator", null);

    private SampleApplicant() {}

    /** Darwan himself, as the golden events carry him. */
    public static ApplicantDetails details() {
        return details(NIK, PHONE, EMAIL);
    }

    /** Someone like Darwan with their own NIK, phone and email (null for none), reached by WhatsApp in Bahasa. */
    public static ApplicantDetails details(String nik, String phone, String email) {
        return new ApplicantDetails(
                nik, FULL_NAME, BIRTH_DATE, BIRTH_PLACE, GENDER, phone, email, NotificationChannel.WHATSAPP, "id");
    }

    /** His contact as notification-service keeps it, reached how and in the language given. */
    public static ApplicantContact contact(String phone, String email, NotificationChannel channel, String language) {
        return new ApplicantContact(FULL_NAME, phone, email, channel, language);
    }

    /** A NIK of his district and birth date with the given serial (1 to 9999): unique per serial. */
    public static String nik(int serial) {
        return nik(BIRTH_DATE, GENDER, serial);
    }

    /**
     * A NIK of his district for someone born on that day: the district, the birth date as DDMMYY with 40 added to the day
     * for women, then a four-digit serial.
     */
    public static String nik(LocalDate birthDate, String gender, int serial) {
        if (serial < 0 || serial > 9999) {
            throw new IllegalArgumentException("a NIK's serial has four digits: " + serial);
        }
        int day = birthDate.getDayOfMonth() + ("F".equals(gender) ? 40 : 0);
        return String.format(
                "%s%02d%02d%02d%04d", DISTRICT, day, birthDate.getMonthValue(), birthDate.getYear() % 100, serial);
    }

    /** The body that registers Darwan with his own NIK and phone (no email), as JSON-ready maps. */
    public static Map<String, Object> registration(String nik, String phone) {
        return registration(details(nik, phone, null), PLACEMENT);
    }

    /**
     * The body that registers this applicant for a passport (intake's {@code ApplicationRequest}), as JSON-ready maps in
     * the contract's field order. An applicant without email leaves the field out; the placement keeps its null
     * {@code p3miName}, as the contract's sample does.
     */
    public static Map<String, Object> registration(ApplicantDetails applicant, PlacementDetails placement) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nik", applicant.nik());
        person.put("fullName", applicant.fullName());
        person.put("birthDate", applicant.birthDate().toString());
        person.put("birthPlace", applicant.birthPlace());
        person.put("gender", applicant.gender());
        person.put("phone", applicant.phone());
        if (applicant.email() != null) {
            person.put("email", applicant.email());
        }
        person.put("preferredChannel", applicant.preferredChannel().name());
        person.put("language", applicant.language());
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("destinationCountry", placement.destinationCountry());
        work.put("scheme", placement.scheme());
        work.put("employerName", placement.employerName());
        work.put("jobTitle", placement.jobTitle());
        work.put("p3miName", placement.p3miName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentType", "PASSPORT");
        body.put("applicant", person);
        body.put("placement", work);
        return body;
    }
}
