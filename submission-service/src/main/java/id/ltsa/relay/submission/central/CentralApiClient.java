package id.ltsa.relay.submission.central;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The ministry's central API (quarkus.rest-client.central.url, with bounded connect and read timeouts). */
@RegisterRestClient(configKey = "central")
@Path("/central/v1/passport-applications")
public interface CentralApiClient {

    /** Every answer comes back as a Response (the default error mapper is off): each status means something here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, String application);

    /** A light probe: any HTTP answer at all (even 405) proves the link carries requests. */
    @HEAD
    Response probe();
}
