package id.ltsa.relay.simulator;

import jakarta.mail.MessagingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/sim/emails")
@Produces(MediaType.APPLICATION_JSON)
public class MailSinkResource {

    private final MailSink sink;

    MailSinkResource(MailSink sink) {
        this.sink = sink;
    }

    @GET
    public Map<String, List<MailSink.Email>> received(@QueryParam("to") String to) throws MessagingException {
        return Map.of("items", sink.receivedBy(to));
    }
}
