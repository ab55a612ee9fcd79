package id.ltsa.relay.simulator;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** What the simulated gateway was asked to send: GET /sim/messages?to=+62... */
@Path("/sim/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageLogResource {

    private final MessageLog messages;

    MessageLogResource(MessageLog messages) {
        this.messages = messages;
    }

    @GET
    public Map<String, List<MessageLog.Sent>> sent(@QueryParam("to") String to) {
        return Map.of("items", messages.sentTo(to));
    }

    @DELETE
    public void clear() {
        messages.clear();
    }
}
