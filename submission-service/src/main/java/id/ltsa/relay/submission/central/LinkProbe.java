package id.ltsa.relay.submission.central;

import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.LinkConfig;
import id.ltsa.relay.submission.link.LinkStatus;
import id.ltsa.relay.submission.queue.DueSubmissions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds out whether the link works without every pending application asking on its own timer. While the link is down,
 * one probe per interval in all: the oldest pending application (if it gets through, it is submitted) or, with nothing
 * pending, a HEAD request. While it is up, a heartbeat HEAD now and then, so a dead link is seen before an applicant's
 * application meets it. A probe answered 5xx or 429 keeps the link down: central is reached, but failing.
 */
@ApplicationScoped
class LinkProbe {

    private final CentralLink link;
    private final DueSubmissions due;
    private final Delivery delivery;
    private final CentralSender sender;
    private final SubmissionOutcomes outcomes;
    private final LinkConfig config;
    private final LinkDiagnostician diagnostician;

    LinkProbe(
            CentralLink link,
            DueSubmissions due,
            Delivery delivery,
            CentralSender sender,
            SubmissionOutcomes outcomes,
            LinkConfig config,
            LinkDiagnostician diagnostician) {
        this.link = link;
        this.due = due;
        this.delivery = delivery;
        this.sender = sender;
        this.outcomes = outcomes;
        this.config = config;
        this.diagnostician = diagnostician;
    }

    /** Called by the forwarder on every round while the link is down; probes only when the shared slot is due. */
    void probeDownLink(LinkStatus status) throws Exception {
        outcomes.holdQueued(status.lastError());
        if (!link.claimProbe(config.probeInterval())) {
            return;
        }
        Optional<DueSubmissions.Claimed> oldest = due.claimOldest();
        if (oldest.isEmpty()) {
            report(sender.probe());
            return;
        }
        // sent as a batch sends it (Delivery): in its office's trace, its outcome recorded the same way
        CentralOutcome outcome = delivery.deliverAlone(oldest.get());
        report(outcome instanceof CentralOutcome.Failed failed ? Optional.of(failed) : Optional.empty());
    }

    /** A send found the link dead (or central failing everything): report it down, with its likely cause. */
    void linkFailed(CentralOutcome.Failed failed) {
        diagnostician.reportDown(failed);
    }

    @Scheduled(every = "${ltsa.link.heartbeat-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        LinkStatus status = link.current();
        if (status.paused() || status.isDown() || !link.claimProbe(config.heartbeatInterval())) {
            return; // a down link is probed by the forwarder, more often
        }
        sender.probe().filter(CentralOutcome.Failed::linkProblem).ifPresent(diagnostician::reportDown);
    }

    private void report(Optional<CentralOutcome.Failed> failure) {
        failure.ifPresentOrElse(diagnostician::reportDown, link::reportUp);
    }
}
