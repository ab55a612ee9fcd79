package id.ltsa.relay.submission.central;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.submission.central.CentralOutcome.Failure;
import id.ltsa.relay.submission.link.CentralLink;
import id.ltsa.relay.submission.link.UplinkCheck;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Works out why central cannot be used, from how the call failed and, when no answer came at all, whether anything
 * else upstream answers, and reports the link down with that diagnosis. Called outside any transaction: the uplink
 * check can take seconds on a dead link.
 */
@ApplicationScoped
class LinkDiagnostician {

    private final UplinkCheck uplink;
    private final CentralLink link;

    LinkDiagnostician(UplinkCheck uplink, CentralLink link) {
        this.uplink = uplink;
        this.link = link;
    }

    void reportDown(CentralOutcome.Failed failed) {
        link.reportDown(failed.error(), diagnose(failed));
    }

    LinkDiagnosis diagnose(CentralOutcome.Failed failed) {
        if (!uplink.configured()) {
            return withoutUplinkCheck(failed.failure());
        }
        // asked even after a 5xx: it may be the office's or the ISP's proxy answering, its own upstream dead
        return diagnose(failed.failure(), uplink.anythingAnswers());
    }

    /** The rules, apart from the network: {@code uplinkAnswers} is whether another upstream target answered. */
    static LinkDiagnosis diagnose(Failure failure, boolean uplinkAnswers) {
        if (!uplinkAnswers) {
            return LinkDiagnosis.UPLINK_DOWN;
        }
        if (failure == Failure.ERROR_ANSWER) {
            return LinkDiagnosis.CENTRAL_ERRORS;
        }
        // the internet works: central accepted the call and never answered, or would not take the connection
        return failure == Failure.NO_ANSWER ? LinkDiagnosis.CENTRAL_ERRORS : LinkDiagnosis.CENTRAL_REFUSES;
    }

    /**
     * With no other target to ask, only the failure speaks: a connection that never opened is most often the office's
     * own internet; one refused or left unanswered was at least met by someone.
     */
    static LinkDiagnosis withoutUplinkCheck(Failure failure) {
        return switch (failure) {
            case UNREACHABLE -> LinkDiagnosis.UPLINK_DOWN;
            case REFUSED -> LinkDiagnosis.CENTRAL_REFUSES;
            case NO_ANSWER, ERROR_ANSWER -> LinkDiagnosis.CENTRAL_ERRORS;
        };
    }
}
