package id.ltsa.relay.contracts;

import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle of an application as the outside world sees it (CONTRACT.md, "Status lifecycle").
 *
 * <p>The rank orders statuses along the happy path so a consumer can refuse to move an application backwards when
 * events arrive late or twice. Statuses that a later revision may revisit (an amendment sends a RETURNED application
 * back to RECEIVED) are compared together with the revision, never by rank alone.
 */
public enum ApplicationStatus {
    RECEIVED(0),
    QUEUED(1),
    DELAYED(2),
    RETURNED(3),
    SUBMITTED(4),
    APPROVED(5),
    ISSUED(6),
    REJECTED(6),
    WITHDRAWN(7);

    private static final List<ApplicationStatus> PENDING =
            Arrays.stream(values()).filter(ApplicationStatus::isPending).toList();
    private static final List<ApplicationStatus> FINAL =
            Arrays.stream(values()).filter(ApplicationStatus::isFinal).toList();

    private final int rank;

    ApplicationStatus(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return this == ISSUED || this == REJECTED || this == WITHDRAWN;
    }

    /** Counted in the backlog: not yet handed over to the central API and not final. */
    public boolean isPending() {
        return this == RECEIVED || this == QUEUED || this == DELAYED;
    }

    /** The statuses {@link #isPending} holds for, in lifecycle order: what backlog queries filter on. */
    public static List<ApplicationStatus> pending() {
        return PENDING;
    }

    /** The statuses {@link #isFinal} holds for. */
    public static List<ApplicationStatus> finals() {
        return FINAL;
    }

    public int rank() {
        return rank;
    }

    /**
     * The statuses this one comes after within a revision (ranked below it): for a consumer that decides "is this
     * newer" inside one SQL statement, with the order still said only here.
     */
    public List<ApplicationStatus> rankedBelow() {
        return Arrays.stream(values()).filter(other -> other.rank < rank).toList();
    }
}
