package id.ltsa.relay.intake.application.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The NIK (Nomor Induk Kependudukan, the national identity number) as Dukcapil issues it: 16 digits, a province,
 * regency and district code, then the birth date as DDMMYY with 40 added to the day for women, then a serial.
 */
public final class NikRules {

    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73,
            74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96);

    private NikRules() {}

    /** The shape a NIK has, as the OpenAPI document's pattern. */
    public static final String PATTERN = "\\d{16}";

    static boolean isSixteenDigits(String nik) {
        return nik.matches(PATTERN);
    }

    /** What is wrong with {@code nik} on its own, if anything. */
    static Optional<String> problemWith(String nik) {
        if (nik == null || nik.isBlank()) {
            return Optional.of("is required");
        }
        if (!isSixteenDigits(nik)) {
            return Optional.of("must be exactly 16 digits");
        }
        if (!PROVINCES.contains(Integer.parseInt(nik.substring(0, 2)))) {
            return Optional.of("does not start with an Indonesian province code");
        }
        if (nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            return Optional.of("has no regency or district code (digits 3-6 must not be 00)");
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int dayOfMonth = day > 40 ? day - 40 : day;
        if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
            return Optional.of("does not encode a birth date in digits 7-12");
        }
        return Optional.empty();
    }

    /** Whether digits 7..12 are this birth date and this gender ("M" or "F"). */
    static boolean agreesWith(String nik, LocalDate birthDate, String gender) {
        int day = birthDate.getDayOfMonth() + ("F".equals(gender) ? 40 : 0);
        String expected = String.format("%02d%02d%02d", day, birthDate.getMonthValue(), birthDate.getYear() % 100);
        return nik.substring(6, 12).equals(expected);
    }
}
