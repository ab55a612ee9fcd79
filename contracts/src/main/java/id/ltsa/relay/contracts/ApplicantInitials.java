package id.ltsa.relay.contracts;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * "Darwan Hadi" is "D. H.": how an applicant is named wherever anyone may ask without a token (the public tracking
 * page, an SMS status query), so that an answer shows it is about the right person without giving their name away.
 */
public final class ApplicantInitials {

    private ApplicantInitials() {}

    public static String of(String fullName) {
        if (fullName == null) {
            return ""; // erased: no initials either
        }
        return Arrays.stream(fullName.trim().split("\\s+"))
                .filter(part -> !part.isEmpty() && Character.isLetter(part.charAt(0)))
                .map(part -> Character.toUpperCase(part.charAt(0)) + ".")
                .collect(Collectors.joining(" "));
    }
}
