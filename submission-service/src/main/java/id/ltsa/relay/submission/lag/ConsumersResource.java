package id.ltsa.relay.submission.lag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every consumer group of the cluster with its Burrow-style verdict: who is falling behind, stalled or gone. */
@Path("/api/v1/ops/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumersResource {

    private final LagMonitor monitor;

    ConsumersResource(LagMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @RolesAllowed({"ops", "ministry"})
    @Operation(
            summary = "Consumer groups with lag in records and seconds, judged OK, WARN or ERR over a sliding"
                    + " window (partitions OK, WARN, STALL or STOP)")
    public LagMonitor.Snapshot consumers() {
        return monitor.snapshot();
    }
}
