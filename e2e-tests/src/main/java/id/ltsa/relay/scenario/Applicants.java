package id.ltsa.relay.scenario;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prospective migrant workers for scenarios: each with their own NIK and phone, so every message and every central
 * record can be traced back to one person. Men born 5 April 1995 (the NIK's digits 7-12 say 050495), going to Korea.
 */
public final class Applicants {

    /** One applicant at one office, with the body the office's system posts. */
    public record Applicant(String office, String nik, String phone, String body) {}

    private final AtomicInteger serial = new AtomicInteger();

    public Applicant next(String office) {
        int number = serial.incrementAndGet();
        if (number > 9999) {
            throw new IllegalStateException("this generator makes at most 9999 applicants");
        }
        String nik = office + "01" + "050495" + String.format("%04d", number);
        String phone = "+62819" + office + String.format("%04d", number);
        return new Applicant(office, nik, phone, body(nik, phone));
    }

    public static String body(String nik, String phone) {
        return """
                {
                  "documentType": "PASSPORT",
                  "applicant": {
                    "nik": "%s",
                    "fullName": "Darwan Hadi",
                    "birthDate": "1995-04-05",
                    "birthPlace": "Selong",
                    "gender": "M",
                    "phone": "%s",
                    "preferredChannel": "WHATSAPP",
                    "language": "id"
                  },
                  "placement": {
                    "destinationCountry": "KR",
                    "scheme": "G_TO_G",
                    "employerName": "Hanil Manufacturing",
                    "jobTitle": "Production operator",
                    "p3miName": null
                  }
                }""".formatted(nik, phone);
    }
}
