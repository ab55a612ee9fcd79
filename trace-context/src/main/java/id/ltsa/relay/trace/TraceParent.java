package id.ltsa.relay.trace;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenTelemetry follows a request while it runs; LTSA Relay's work waits in databases for days (an outbox row, a
 * submission held through an outage, a message waiting for the gateway). This keeps the W3C {@code traceparent} with
 * the waiting row and makes it current again when the work resumes, so the office's POST, the central call and the
 * applicant's message stay one trace. OpenTelemetry's own propagator does the encoding.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {}

    /** The current span's traceparent, or null outside any trace. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** A context continuing the given trace; the root context when there is none (or it is not valid). */
    public static Context restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
    }

    /** Continues the given trace until the scope is closed. */
    public static Scope resume(String traceparent) {
        return restore(traceparent).makeCurrent();
    }
}
