package id.ltsa.relay.submission.central;

import id.ltsa.relay.submission.central.CentralOutcome.Failure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failed call by what the wire said: whether a connection ever opened, and whether the request could have
 * reached the other end. The HTTP client wraps these in exceptions of its own, so the whole cause chain is read.
 */
final class FailureKinds {

    private FailureKinds() {
    }

    static Failure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            // Netty's ConnectTimeoutException is a ConnectException: look at it before "refused"
            if (name.equals("ConnectTimeoutException") || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || message.contains("no route to host")
                    || message.contains("network is unreachable") || message.contains("failed to resolve")) {
                return Failure.UNREACHABLE;
            }
            if (cause instanceof ConnectException || message.contains("connection refused")
                    || message.contains("connection reset") || message.contains("connection was closed")
                    || name.equals("HttpClosedException")) {
                return Failure.REFUSED;
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || name.contains("TimeoutException") || message.contains("timeout period")) {
                return Failure.NO_ANSWER;
            }
        }
        // nothing says the request never left: assume it may have arrived
        return Failure.NO_ANSWER;
    }
}
