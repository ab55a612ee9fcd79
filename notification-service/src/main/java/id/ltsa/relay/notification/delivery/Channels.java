package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.trace.TraceParent;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The ways to reach an applicant: EMAIL over SMTP, SMS and WHATSAPP over the HTTP gateway. */
@ApplicationScoped
class Channels {

    /** A rendered message on its way to one applicant. Personal data: never log it. */
    record Outgoing(UUID notificationId, String channel, String phone, String email, MessageRenderer.Rendered message,
            String traceparent) {
    }

    /** Delivered, or why not and whether trying again could help. */
    record Result(boolean delivered, boolean permanent, String failure) {

        static final Result DELIVERED = new Result(true, false, null);

        static Result retry(String failure) {
            return new Result(false, false, failure);
        }

        static Result permanent(String failure) {
            return new Result(false, true, failure);
        }
    }

    private final GatewayClient gateway;
    private final Mailer mailer;

    Channels(@RestClient GatewayClient gateway, Mailer mailer) {
        this.gateway = gateway;
        this.mailer = mailer;
    }

    Result deliver(Outgoing outgoing) {
        // the trace of the event that decided the message: the gateway call joins the office's trace
        try (Scope trace = TraceParent.resume(outgoing.traceparent())) {
            if ("EMAIL".equals(outgoing.channel())) {
                mailer.send(Mail.withText(outgoing.email(), outgoing.message().subject(), outgoing.message().text()));
                return Result.DELIVERED;
            }
            // the idempotency key makes a resend after a crash harmless; an SMS fallback is another message, so it
            // gets a key of its own
            String key = outgoing.notificationId() + "-" + outgoing.channel().toLowerCase();
            try (Response response = gateway.send(key, new GatewayClient.GatewayMessage(outgoing.phone(),
                    outgoing.channel(), outgoing.message().text()))) {
                return classify(response.getStatus());
            }
        } catch (RuntimeException e) {
            // the class only: a mailer's message can quote the address, and lastError is logged and shown
            return Result.retry(e.getClass().getSimpleName());
        }
    }

    /** 4xx means the gateway will never take this message as it is; 408, 429 and 5xx pass. */
    private static Result classify(int status) {
        if (status < 300) {
            return Result.DELIVERED;
        }
        String failure = "gateway answered " + status;
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        return permanent ? Result.permanent(failure) : Result.retry(failure);
    }
}
