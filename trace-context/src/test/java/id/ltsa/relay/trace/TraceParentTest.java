package id.ltsa.relay.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_stored_traceparent_is_current_again_while_the_work_resumes_and_only_then() {
        assertNull(TraceParent.current(), "outside any trace");
        try (Scope resumed = TraceParent.resume(STORED)) {
            assertEquals(STORED, TraceParent.current());
        }
        assertNull(TraceParent.current());
    }

    @Test
    void nothing_stored_or_garbage_stored_continues_no_trace() {
        try (Scope resumed = TraceParent.resume(null)) {
            assertNull(TraceParent.current());
        }
        try (Scope resumed = TraceParent.resume("not-a-traceparent")) {
            assertNull(TraceParent.current());
        }
    }
}
