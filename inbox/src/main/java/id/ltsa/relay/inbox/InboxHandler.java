package id.ltsa.relay.inbox;

/** What a consumer does with the events of one channel; the {@link Inbox} decides when. */
@FunctionalInterface
public interface InboxHandler {

    /** Applies an event seen for the first time, in the transaction that records its id. */
    void handle(Object event);

    /**
     * An event applied before: a replay after a crash, or its producer publishing it again because it never saw what
     * became of it. Nothing by default; in a transaction too.
     */
    default void handleAgain(Object event) {}

    /**
     * True for an event that changes nothing here, so it needs no transaction and no id recorded (notification-service
     * never announces QUEUED, for one). False by default.
     */
    default boolean ignores(Object event) {
        return false;
    }
}
