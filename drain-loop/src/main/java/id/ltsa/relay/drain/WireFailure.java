package id.ltsa.relay.drain;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * How a call to the outside world failed when no answer came, as far as the wire tells: whether a connection ever
 * opened, and so whether the request could have reached the other end. The forwarder diagnoses the link from it; the
 * notification sender decides from it whether a message may go another way without being sent twice. HTTP and SMTP
 * clients wrap these in exceptions of their own, so the whole cause chain is read.
 */
public enum WireFailure {
    /**
     * The connection never opened (timed out, no route, the name did not resolve) or its TLS handshake failed (a
     * captive portal, the page an ISP shows for an unpaid bill, cannot prove it is the host asked for). The request
     * never left.
     */
    UNREACHABLE,
    /** The connection was refused: nobody took the request. */
    REFUSED,
    /** The connection opened and was then reset or closed before an answer: the request may have arrived. */
    RESET,
    /** The request went and no answer came in time: it may have arrived. */
    NO_ANSWER;

    /** Whether the other end certainly never received the request, so sending it elsewhere cannot double it. */
    public boolean neverArrived() {
        return this == UNREACHABLE || this == REFUSED;
    }

    public static WireFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message =
                    cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            // Netty's ConnectTimeoutException is a ConnectException: look at it before "refused"
            // only the connect phase's timeouts: "connection timed out" is also the kernel giving up on an open one
            if (name.equals("ConnectTimeoutException")
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof SSLHandshakeException
                    || message.contains("no route to host")
                    || message.contains("network is unreachable")
                    || message.contains("failed to resolve")
                    || message.contains("connect timed out")) {
                return UNREACHABLE;
            }
            if (message.contains("connection refused")) {
                return REFUSED;
            }
            if (message.contains("connection reset")
                    || message.contains("connection was closed")
                    || name.equals("HttpClosedException")
                    || cause instanceof ConnectException) {
                return RESET;
            }
            if (cause instanceof TimeoutException
                    || cause instanceof SocketTimeoutException
                    || name.contains("TimeoutException")
                    || message.contains("timeout period")) {
                return NO_ANSWER;
            }
        }
        // nothing says the request never left: assume it may have arrived
        return NO_ANSWER;
    }
}
