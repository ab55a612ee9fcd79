package id.ltsa.relay.intake.application.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates as the contract writes them, {@code 1995-04-05}. */
public final class IsoDates {

    private IsoDates() {}

    /** The date, or null when {@code value} is null or not a real date (2026-02-30 is not). */
    public static LocalDate parse(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
