package id.ltsa.relay.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid application bodies with a fresh NIK each, so tests never collide on the one-open-application rule. */
public final class SampleApplications {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000));

    private SampleApplications() {}

    /** A man from Lombok Timur, born 5 April 1995, going to Korea under G to G. */
    public static Map<String, Object> valid() {
        return of(LocalDate.of(1995, 4, 5), "M");
    }

    public static Map<String, Object> of(LocalDate birthDate, String gender) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("nik", nik(birthDate, gender));
        applicant.put("fullName", "Darwan Hadi");
        applicant.put("birthDate", birthDate.toString());
        applicant.put("birthPlace", "Selong");
        applicant.put("gender", gender);
        applicant.put("phone", "+628123" + String.format("%07d", SERIAL.incrementAndGet()));
        applicant.put("email", "darwan@example.org");
        applicant.put("preferredChannel", "WHATSAPP");
        applicant.put("language", "id");
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("destinationCountry", "KR");
        placement.put("scheme", "G_TO_G");
        placement.put("employerName", "Hanil Manufacturing");
        placement.put("jobTitle", "Production operator");
        placement.put("p3miName", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentType", "PASSPORT");
        body.put("applicant", applicant);
        body.put("placement", placement);
        return body;
    }

    /** Province 52 (NTB), regency 03 (Lombok Timur), district 01, the birth date (+40 on the day for women). */
    public static String nik(LocalDate birthDate, String gender) {
        int day = birthDate.getDayOfMonth() + ("F".equals(gender) ? 40 : 0);
        return String.format(
                "520301%02d%02d%02d%04d",
                day, birthDate.getMonthValue(), birthDate.getYear() % 100, SERIAL.incrementAndGet() % 10_000);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] parts = path.split("\\.");
        Map<String, Object> target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        target.put(parts[parts.length - 1], value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>();
        body.forEach((key, value) ->
                copy.put(key, value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : value));
        return copy;
    }
}
