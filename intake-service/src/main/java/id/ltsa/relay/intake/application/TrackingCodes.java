package id.ltsa.relay.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Tracking codes an applicant can read out over the phone: "LT-" and 8 characters without the look-alikes 0/O, 1/I/L.
 * 31^8 codes make guessing one useless, which matters because the tracking lookup needs no token.
 */
@ApplicationScoped
public class TrackingCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder("LT-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
