package id.ltsa.relay.contracts;

import java.time.Instant;

/**
 * The link to the central API went UP or DOWN (or, while DOWN, its likely cause changed), with how many applications
 * wait on it. {@code diagnosis} is null while UP.
 */
public record CentralLinkChanged(
        LinkState state, Instant since, String lastError, long pending, LinkDiagnosis diagnosis) {

    public static final String TYPE = "id.ltsa.central-link.changed.v1";
}
