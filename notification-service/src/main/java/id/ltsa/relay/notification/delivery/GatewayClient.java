package id.ltsa.relay.notification.delivery;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The WhatsApp/SMS gateway. The idempotency key (the notification id) makes a resend after a crash harmless. */
@RegisterRestClient(configKey = "gateway")
@Path("/gateway/v1/messages")
public interface GatewayClient {

    record GatewayMessage(String to, String channel, String text) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam("Idempotency-Key") String idempotencyKey, GatewayMessage message);
}
