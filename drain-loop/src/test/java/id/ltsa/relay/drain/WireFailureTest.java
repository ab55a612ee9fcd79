package id.ltsa.relay.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Whether a request could have reached the other end, read from how the call failed. */
class WireFailureTest {

    @Test
    void a_connection_that_never_opened_or_was_refused_never_delivered_the_request() {
        assertEquals(WireFailure.UNREACHABLE, WireFailure.of(wrapped(new UnknownHostException("gateway.example"))));
        assertEquals(WireFailure.UNREACHABLE, WireFailure.of(wrapped(new SocketTimeoutException("connect timed out"))));
        assertEquals(WireFailure.UNREACHABLE, WireFailure.of(wrapped(new ConnectException("Network is unreachable"))));
        assertEquals(
                WireFailure.UNREACHABLE,
                WireFailure.of(wrapped(new SSLHandshakeException("captive portal"))),
                "a failed TLS handshake sent no request");
        assertTrue(WireFailure.UNREACHABLE.neverArrived());
        assertTrue(WireFailure.REFUSED.neverArrived());
    }

    @Test
    void a_real_refused_connection_is_read_as_refused() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException refused) {
            assertEquals(WireFailure.REFUSED, WireFailure.of(wrapped(refused)));
        }
    }

    @Test
    void a_reset_or_an_unanswered_request_may_have_arrived() {
        assertEquals(WireFailure.RESET, WireFailure.of(wrapped(new SocketException("Connection reset"))));
        assertEquals(WireFailure.NO_ANSWER, WireFailure.of(wrapped(new TimeoutException("timeout period exceeded"))));
        assertEquals(WireFailure.NO_ANSWER, WireFailure.of(new IllegalStateException("anything else")));
        assertFalse(
                WireFailure.of(wrapped(new SocketException("Connection timed out")))
                        .neverArrived(),
                "the kernel giving up on an open connection: the request may have gone");
        assertFalse(WireFailure.RESET.neverArrived());
        assertFalse(WireFailure.NO_ANSWER.neverArrived());
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("client failure", new IllegalStateException("wrapped", cause));
    }
}
