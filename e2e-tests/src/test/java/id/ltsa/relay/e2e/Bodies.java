package id.ltsa.relay.e2e;

/** Request bodies as an office's system would send them. */
final class Bodies {

    private Bodies() {
    }

    /** A man born 5 April 1995 in Selong, going to Korea; the NIK must encode that birth date (digits 7-12: 050495). */
    static String application(String nik, String phone) {
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
                    "email": "darwan@example.org",
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
