package id.ltsa.relay.inbox;

import id.ltsa.relay.trace.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A readable record of a batch, kept apart from the record itself so the transaction holds only what it applies.
 *
 * @param key the record's key (the application's id on the application topics), or null
 * @param event the CloudEvent read from it
 * @param traceparent the trace it carries, or null
 */
record ReceivedEvent(String key, CloudEventRecord event, String traceparent) {

    static ReceivedEvent of(ConsumerRecord<String, String> record, CloudEventRecord event) {
        return new ReceivedEvent(record.key(), event, CloudEventRecord.header(record, TraceParent.HEADER));
    }
}
