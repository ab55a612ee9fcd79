package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.ApplicationStatusChanged;
import java.util.List;

/** One DELAYED per outage episode: entering DELAYED starts an episode; failing again inside it says nothing new. */
public final class DelayedEpisodes {

    private DelayedEpisodes() {}

    public static void enter(Submission submission, StatusPublisher status, String reason) {
        ApplicationStatusChanged delayed = move(submission, status, reason);
        if (delayed != null) {
            status.announce(submission, List.of(delayed));
        }
    }

    /** Enters an episode and returns its event unannounced (see {@link StatusPublisher#move}); null if in one. */
    static ApplicationStatusChanged move(Submission submission, StatusPublisher status, String reason) {
        if (submission.status == ApplicationStatus.DELAYED) {
            return null;
        }
        submission.episode++;
        return status.move(submission, ApplicationStatus.DELAYED, reason);
    }
}
