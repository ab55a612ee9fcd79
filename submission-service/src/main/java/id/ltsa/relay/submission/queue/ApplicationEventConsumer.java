package id.ltsa.relay.submission.queue;

import id.ltsa.relay.contracts.ApplicationAmended;
import id.ltsa.relay.contracts.ApplicationErased;
import id.ltsa.relay.contracts.ApplicationEvent;
import id.ltsa.relay.contracts.ApplicationReceived;
import id.ltsa.relay.contracts.ApplicationWithdrawn;
import id.ltsa.relay.inbox.Inbox;
import id.ltsa.relay.inbox.InboxHandler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ltsa.applications} through the {@link Inbox}: a poll's events applied once each, in one transaction with
 * their ids, before their offsets are committed; retried in place while the database is away, so a valid application
 * is never set aside; an unreadable record to {@code ltsa.applications.dlq}.
 */
@ApplicationScoped
public class ApplicationEventConsumer implements InboxHandler {

    private final Inbox inbox;
    private final SubmissionQueue queue;
    private final StatusPublisher statuses;

    ApplicationEventConsumer(Inbox inbox, SubmissionQueue queue, StatusPublisher statuses) {
        this.inbox = inbox;
        this.queue = queue;
        this.statuses = statuses;
    }

    @Incoming("applications")
    @Blocking
    public void consume(List<String> values, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        inbox.receive(batch, this);
    }

    @Override
    public void handle(Object event) {
        if (event instanceof ApplicationReceived received) {
            queue.enqueue(received);
        } else if (event instanceof ApplicationAmended amended) {
            queue.amend(amended);
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            queue.withdraw(withdrawn);
        } else if (event instanceof ApplicationErased erased) {
            queue.erase(erased);
        }
    }

    /** Seen before: a replay, or intake asking again because it never saw what became of the application. */
    @Override
    public void handleAgain(Object event) {
        statuses.announceAgain(((ApplicationEvent) event).applicationId().toString());
    }
}
