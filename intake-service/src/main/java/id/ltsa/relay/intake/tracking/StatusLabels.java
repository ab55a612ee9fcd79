package id.ltsa.relay.intake.tracking;

import id.ltsa.relay.contracts.ApplicationStatus;
import java.util.EnumMap;
import java.util.Map;

/** What each status means to an applicant, in Bahasa Indonesia and in English. */
final class StatusLabels {

    private static final Map<ApplicationStatus, String[]> LABELS = new EnumMap<>(Map.of(
            ApplicationStatus.RECEIVED, new String[] {"Diterima di kantor LTSA", "Received at the LTSA office"},
            ApplicationStatus.QUEUED, new String[] {"Menunggu pengiriman ke pusat", "Waiting to be sent to the centre"},
            ApplicationStatus.DELAYED, new String[] {
                "Tersimpan aman, akan dikirim otomatis saat jaringan pulih",
                "Saved safely, will be sent automatically when the link is back"},
            ApplicationStatus.SUBMITTED, new String[] {"Sudah dikirim ke pusat", "Sent to the central office"},
            ApplicationStatus.RETURNED, new String[] {
                "Dikembalikan untuk perbaikan data", "Returned for correction"},
            ApplicationStatus.APPROVED, new String[] {"Disetujui", "Approved"},
            ApplicationStatus.ISSUED, new String[] {"Paspor sudah terbit", "Passport issued"},
            ApplicationStatus.REJECTED, new String[] {"Ditolak", "Rejected"},
            ApplicationStatus.WITHDRAWN, new String[] {"Dibatalkan", "Withdrawn"}));

    private StatusLabels() {
    }

    static String label(ApplicationStatus status, boolean english) {
        return LABELS.get(status)[english ? 1 : 0];
    }
}
