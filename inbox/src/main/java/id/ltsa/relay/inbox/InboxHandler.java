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

    /**
     * True for a handler that applies each event in one statement on a connection of its own, outside any transaction,
     * a statement that itself decides whether the event changes anything (a status that only ever moves forward, say):
     * applied twice, an event changes nothing the second time. Its events are then applied one statement each, with no
     * transaction and no ids recorded, and a replay comes to {@link #handle} again, never to {@link #handleAgain}. A
     * status event of intake cost three round trips where one does (the performance issue). False by default.
     */
    default boolean idempotent() {
        return false;
    }
}
