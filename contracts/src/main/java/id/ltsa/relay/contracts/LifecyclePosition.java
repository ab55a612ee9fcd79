package id.ltsa.relay.contracts;

/**
 * Where an application stands, for consumers that must never move it backwards when events arrive late or twice: a
 * later revision is later (an amendment starts the lifecycle again), and within a revision the rank decides.
 */
public record LifecyclePosition(int revision, ApplicationStatus status) implements Comparable<LifecyclePosition> {

    @Override
    public int compareTo(LifecyclePosition other) {
        if (revision != other.revision) {
            return Integer.compare(revision, other.revision);
        }
        return Integer.compare(status.rank(), other.status.rank());
    }

    public boolean isAfter(LifecyclePosition other) {
        return compareTo(other) > 0;
    }
}
