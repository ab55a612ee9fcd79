package id.ltsa.relay.submission.heartbeat;

import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.types.Struct;
import org.apache.kafka.connect.mirror.Heartbeat;

/**
 * MirrorMaker 2's heartbeat record, byte for byte: what its heartbeat connector writes, and what the ministry's
 * MirrorMaker 2 replicates (as {@code <office>.heartbeats}) and ministry-watch reads with
 * {@link Heartbeat#deserializeRecord}. Kafka's {@link Heartbeat} keeps its encoder package-private, so this encodes
 * with the same public schemas: the key is (source alias, target alias), the value a version header then the
 * timestamp.
 */
final class HeartbeatRecord {

    private HeartbeatRecord() {}

    static byte[] key(Heartbeat heartbeat) {
        Struct key = new Struct(Heartbeat.KEY_SCHEMA);
        key.set(Heartbeat.SOURCE_CLUSTER_ALIAS_KEY, heartbeat.sourceClusterAlias());
        key.set(Heartbeat.TARGET_CLUSTER_ALIAS_KEY, heartbeat.targetClusterAlias());
        ByteBuffer buffer = ByteBuffer.allocate(Heartbeat.KEY_SCHEMA.sizeOf(key));
        Heartbeat.KEY_SCHEMA.write(buffer, key);
        return buffer.array();
    }

    static byte[] value(Heartbeat heartbeat) {
        Struct header = new Struct(Heartbeat.HEADER_SCHEMA);
        header.set(Heartbeat.VERSION_KEY, Heartbeat.VERSION);
        Struct value = new Struct(Heartbeat.VALUE_SCHEMA_V0);
        value.set(Heartbeat.TIMESTAMP_KEY, heartbeat.timestamp());
        ByteBuffer buffer =
                ByteBuffer.allocate(Heartbeat.HEADER_SCHEMA.sizeOf(header) + Heartbeat.VALUE_SCHEMA_V0.sizeOf(value));
        Heartbeat.HEADER_SCHEMA.write(buffer, header);
        Heartbeat.VALUE_SCHEMA_V0.write(buffer, value);
        return buffer.array();
    }
}
