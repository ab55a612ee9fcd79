package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationStatus;

/** One DELAYED per outage episode: entering DELAYED starts an episode; failing again inside it says nothing new. */
public final class DelayedEpisodes {

    private DelayedEpisodes() {}

    public static void enter(Submission submission, StatusPublisher status, String reason) {
        if (submission.status == ApplicationStatus.DELAYED) {
            return;
        }
        submission.episode++;
        status.transition(submission, ApplicationStatus.DELAYED, reason);
    }
}
