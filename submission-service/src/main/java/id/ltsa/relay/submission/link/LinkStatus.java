package id.ltsa.relay.submission.link;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import java.time.Instant;

/**
 * The link to the central API as last observed, why it is down (null while up), and whether ops paused forwarding.
 */
public record LinkStatus(LinkState state, Instant since, String lastError, LinkDiagnosis diagnosis, boolean paused) {

    public boolean isDown() {
        return state == LinkState.DOWN;
    }
}
