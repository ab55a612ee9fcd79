package id.ltsa.relay.inbox;

/**
 * A record this service cannot read: no {@code ce_id}, a type not published on its topic, or data that is not that
 * type's. It is not retried: the record goes to the service's dead-letter topic, where ops see it, and the next one is
 * read. The message names what is wrong with the record, never its content: it becomes the
 * {@code dead-letter-reason} header, which must not carry personal data.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
