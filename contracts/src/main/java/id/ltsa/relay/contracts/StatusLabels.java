package id.ltsa.relay.contracts;

import java.util.EnumMap;
import java.util.Map;

/**
 * What each status means to an applicant, in Bahasa Indonesia and in English: the words the public tracking page and
 * the modem's answers to "CEK" both use, kept here so an applicant reads the same label wherever they ask.
 */
public final class StatusLabels {

    private static final Map<ApplicationStatus, String[]> LABELS = new EnumMap<>(Map.of(
            ApplicationStatus.RECEIVED, new String[] {"Diterima di kantor LTSA", "Received at the LTSA office"},
            ApplicationStatus.QUEUED, new String[] {"Menunggu pengiriman ke pusat", "Waiting to be sent to the centre"},
            ApplicationStatus.DELAYED,
                    new String[] {
                        "Tersimpan aman, akan dikirim otomatis saat jaringan pulih",
                        "Saved safely, will be sent automatically when the link is back"
                    },
            ApplicationStatus.SUBMITTED, new String[] {"Sudah dikirim ke pusat", "Sent to the central office"},
            ApplicationStatus.RETURNED, new String[] {"Dikembalikan untuk perbaikan data", "Returned for correction"},
            ApplicationStatus.APPROVED, new String[] {"Disetujui", "Approved"},
            ApplicationStatus.ISSUED, new String[] {"Paspor sudah terbit", "Passport issued"},
            ApplicationStatus.REJECTED, new String[] {"Ditolak", "Rejected"},
            ApplicationStatus.WITHDRAWN, new String[] {"Dibatalkan", "Withdrawn"}));

    private StatusLabels() {}

    public static String label(ApplicationStatus status, boolean english) {
        return LABELS.get(status)[english ? 1 : 0];
    }

    /** The label in an applicant's language: {@code en}, or Bahasa Indonesia for anything else. */
    public static String label(ApplicationStatus status, String language) {
        return label(status, "en".equals(language));
    }
}
