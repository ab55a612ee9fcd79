package id.ltsa.relay.intake;

import id.ltsa.relay.contracts.ApplicantDetails;
import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid application bodies with a fresh NIK each, so tests never collide on the one-open-application rule. */
public final class SampleApplications {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000));

    private SampleApplications() {}

    /** Darwan Hadi ({@link SampleApplicant}) with a fresh NIK and phone, and an email. */
    public static Map<String, Object> valid() {
        return of(SampleApplicant.BIRTH_DATE, SampleApplicant.GENDER);
    }

    /** Someone like Darwan born on that day, of that gender, with a fresh NIK that agrees with both. */
    public static Map<String, Object> of(LocalDate birthDate, String gender) {
        ApplicantDetails applicant = new ApplicantDetails(
                nik(birthDate, gender),
                SampleApplicant.FULL_NAME,
                birthDate,
                SampleApplicant.BIRTH_PLACE,
                gender,
                "+628123" + String.format("%07d", SERIAL.incrementAndGet()),
                SampleApplicant.EMAIL,
                NotificationChannel.WHATSAPP,
                "id");
        return SampleApplicant.registration(applicant, SampleApplicant.PLACEMENT);
    }

    /** A NIK of Darwan's district for that birth day and gender, with a serial no other test here has used. */
    public static String nik(LocalDate birthDate, String gender) {
        return SampleApplicant.nik(birthDate, gender, SERIAL.incrementAndGet() % 10_000);
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
