package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.drain.WireFailure;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The ways to reach an applicant over the internet: EMAIL over SMTP, SMS and WHATSAPP over the HTTP gateway. (The
 * office modem, LOCAL_SMS, is not a call: a message is handed to it in a database transaction, see NotificationClaims
 * and ModemOutbox.)
 */
@ApplicationScoped
class Channels {

    /**
     * A rendered message on its way to one applicant, claimed for this call until {@code claimedUntil}. Personal data:
     * never log it.
     */
    record Outgoing(
            UUID notificationId,
            UUID applicationId,
            DeliveryChannel channel,
            String phone,
            String email,
            MessageRenderer.Rendered message,
            String traceparent,
            int attempt,
            Instant claimedUntil) {}

    /** What a call came to, told apart by whether the message could have arrived. */
    enum Outcome {
        DELIVERED,
        /** Answered with a refusal that trying again cannot change (4xx but 408 and 429). */
        PERMANENT,
        /** Answered "not now" (503, 408, 429): the message was not taken; try again later. */
        RETRY,
        /** No connection ever opened: the message certainly never left, so it may go another way. */
        NEVER_ARRIVED,
        /**
         * The request left and no answer came, or a 5xx other than 503 (a proxy's 502 or 504, a 500 half-way): the
         * message may have arrived; only this channel, under the same idempotency key, may try again.
         */
        MAYBE_ARRIVED
    }

    record Result(Outcome outcome, String failure) {

        static final Result DELIVERED = new Result(Outcome.DELIVERED, null);

        boolean delivered() {
            return outcome == Outcome.DELIVERED;
        }
    }

    private final GatewayClient gateway;
    private final Mailer mailer;
    private final SmtpCheck smtp;

    Channels(@RestClient GatewayClient gateway, Mailer mailer, SmtpCheck smtp) {
        this.gateway = gateway;
        this.mailer = mailer;
        this.smtp = smtp;
    }

    Result deliver(Outgoing outgoing) {
        // the trace of the event that decided the message: the gateway call joins the office's trace
        try (Scope trace = TraceParent.resume(outgoing.traceparent())) {
            return outgoing.channel() == DeliveryChannel.EMAIL ? email(outgoing) : gateway(outgoing);
        }
    }

    private Result email(Outgoing outgoing) {
        if (!smtp.connects()) {
            return new Result(Outcome.NEVER_ARRIVED, "the SMTP relay does not answer");
        }
        try {
            mailer.send(Mail.withText(
                    outgoing.email(),
                    outgoing.message().subject(),
                    outgoing.message().text()));
            return Result.DELIVERED;
        } catch (RuntimeException e) {
            // the class only: a mailer's message can quote the address, and lastError is logged and shown
            return wire(e, e.getClass().getSimpleName());
        }
    }

    private Result gateway(Outgoing outgoing) {
        // the idempotency key makes a resend after a crash harmless; an SMS fallback is another message, so it gets a
        // key of its own
        String key = outgoing.notificationId() + "-" + outgoing.channel().name().toLowerCase();
        try (Response response = gateway.send(
                key,
                new GatewayClient.GatewayMessage(
                        outgoing.phone(),
                        outgoing.channel().name(),
                        outgoing.message().text()))) {
            return classify(response.getStatus());
        } catch (ProcessingException e) {
            return wire(e, "gateway unreachable: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return new Result(Outcome.MAYBE_ARRIVED, e.getClass().getSimpleName());
        }
    }

    private static Result wire(RuntimeException e, String failure) {
        return new Result(WireFailure.of(e).neverArrived() ? Outcome.NEVER_ARRIVED : Outcome.MAYBE_ARRIVED, failure);
    }

    /**
     * 4xx means the gateway will never take this message as it is, but 408 and 429 say "not now", as 503 does; any
     * other 5xx may come from a proxy whose backend took the message, so it may have arrived.
     */
    static Result classify(int status) {
        if (status < 300) {
            return Result.DELIVERED;
        }
        String failure = "gateway answered " + status;
        if (status == 408 || status == 429 || status == 503) {
            return new Result(Outcome.RETRY, failure);
        }
        return new Result(status < 500 ? Outcome.PERMANENT : Outcome.MAYBE_ARRIVED, failure);
    }
}
