package id.ltsa.relay.intake.disk;

import id.ltsa.relay.http.Problem;
import id.ltsa.relay.intake.web.Problems;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * With the disk nearly full, a registration, amendment or withdrawal is answered 503 with Retry-After before it
 * reaches the database, so nothing is half stored and the space left stays for what PostgreSQL and Kafka have under
 * way. Reads (tracking, the status) go on. Should the disk fill anyway, PostgreSQL refuses the transaction whole and
 * the same answer comes from {@code IntakeProblemMappers}.
 */
@ApplicationScoped
class DiskGuard {

    static final int RETRY_AFTER_SECONDS = 60;
    private static final Set<HttpMethod> CHANGES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final DiskSpace disk;

    DiskGuard(DiskSpace disk) {
        this.disk = disk;
    }

    void install(@Observes Router router) {
        router.route("/api/v1/applications*").order(Integer.MIN_VALUE).handler(context -> {
            if (CHANGES.contains(context.request().method()) && disk.belowReserve()) {
                Problem problem = Problems.diskFull();
                context.response()
                        .setStatusCode(503)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }
}
