package id.ltsa.relay.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ltsa.relay.contracts.testing.SampleApplicant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prospective migrant workers for scenarios: each with their own NIK and phone, so every message and every central
 * record can be traced back to one person. Each is the tests' {@link SampleApplicant} with a NIK of their own serial.
 */
public final class Applicants {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One applicant at one office, with the body the office's system posts. */
    public record Applicant(String office, String nik, String phone, String body) {}

    private final AtomicInteger serial = new AtomicInteger();

    public Applicant next(String office) {
        int number = serial.incrementAndGet();
        if (number > 9999) {
            throw new IllegalStateException("this generator makes at most 9999 applicants");
        }
        // a NIK of the office's own regency: its first four digits are the office code
        String nik = office + SampleApplicant.nik(number).substring(office.length());
        String phone = "+62819" + office + String.format("%04d", number);
        return new Applicant(office, nik, phone, body(nik, phone));
    }

    /** The registration body, as JSON, of the sample applicant with this NIK and phone and no email. */
    public static String body(String nik, String phone) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(SampleApplicant.registration(nik, phone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings are always JSON", e);
        }
    }
}
