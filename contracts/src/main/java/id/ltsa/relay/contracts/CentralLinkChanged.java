package id.ltsa.relay.contracts;

import java.time.Instant;

/** The link to the central API went UP or DOWN, with how many applications wait on it. */
public record CentralLinkChanged(LinkState state, Instant since, String lastError, long pending) {

    public static final String TYPE = "id.ltsa.central-link.changed.v1";
}
