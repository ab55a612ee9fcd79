package id.ltsa.relay.simulator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The WhatsApp/SMS gateway notification-service talks to, and what it was asked to send. */
@Path("/gateway/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GatewayResource {

    public record OutgoingMessage(String to, String channel, String text) {}

    private final MessageLog messages;
    private final GatewayFaults faults;

    GatewayResource(MessageLog messages, GatewayFaults faults) {
        this.messages = messages;
        this.faults = faults;
    }

    /** Records the message; the same Idempotency-Key again answers the same message id and records nothing new. */
    @POST
    public Response send(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("traceparent") String traceparent,
            OutgoingMessage message) {
        if (message == null
                || message.to() == null
                || message.text() == null
                || !List.of("WHATSAPP", "SMS").contains(message.channel())) {
            return Response.status(400)
                    .entity(Map.of("message", "to, text and channel (WHATSAPP or SMS) are required"))
                    .build();
        }
        if (faults.down()) {
            return Response.status(503)
                    .header("Retry-After", "1")
                    .entity(Map.of("message", "gateway temporarily unavailable"))
                    .build();
        }
        String refusal = faults.refusal(message.to(), message.channel());
        if (refusal != null) {
            return Response.status(422).entity(Map.of("message", refusal)).build();
        }
        MessageLog.Sent sent =
                messages.record(idempotencyKey, message.to(), message.channel(), message.text(), traceparent);
        return Response.status(202)
                .entity(Map.of("messageId", sent.messageId()))
                .build();
    }
}
