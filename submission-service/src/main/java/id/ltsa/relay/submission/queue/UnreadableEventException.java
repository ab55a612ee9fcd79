package id.ltsa.relay.submission.queue;

/**
 * A record this service cannot read. The message names what is wrong with the record, never its content: it becomes
 * the dead-letter-reason header on {@code ltsa.applications.dlq}, which must not carry personal data.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
