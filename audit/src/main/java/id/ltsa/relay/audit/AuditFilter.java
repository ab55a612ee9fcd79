package id.ltsa.relay.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes an {@link AuditEntry} for every answered call of a method marked {@link Audited}: after the answer is known,
 * so the outcome (200, 403, 404 ...) is part of the record. An entry that cannot be written (the database away) is
 * logged and counted ({@code ltsa_audit_failures_total}), not retried: the call it describes has already happened.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    private final AuditLog log;
    private final JsonWebToken token;
    private final Clock clock;
    private final Counter failures;

    AuditFilter(AuditLog log, JsonWebToken token, Clock clock, MeterRegistry registry) {
        this.log = log;
        this.token = token;
        this.clock = clock;
        this.failures = Counter.builder("ltsa.audit.failures")
                .description("Audit entries that could not be written")
                .register(registry);
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        AuditEntry entry = new AuditEntry(
                clock.instant(),
                subject(),
                office(),
                roles(),
                audited.value(),
                applicationId(request),
                response.getStatus());
        if (Context.isOnEventLoopThread()) {
            // a call refused before it reached its (blocking) method is answered on the event loop: no JDBC there
            Infrastructure.getDefaultWorkerPool().execute(() -> append(entry));
        } else {
            append(entry);
        }
    }

    private void append(AuditEntry entry) {
        try {
            log.append(entry);
        } catch (Exception e) {
            failures.increment();
            LOG.errorf("Audit entry not written (%s by %s): %s", entry.action(), entry.subject(), e.getMessage());
        }
    }

    private String subject() {
        return token.getRawToken() == null ? null : token.getSubject();
    }

    private String office() {
        return token.getRawToken() == null
                ? null
                : Optional.ofNullable(token.getClaim("office"))
                        .map(Object::toString)
                        .orElse(null);
    }

    private String roles() {
        return token.getRawToken() == null ? "" : String.join(",", new TreeSet<>(token.getGroups()));
    }

    /** The application the call was about: a path's {id} or {applicationId}, or ?applicationId=; only a UUID. */
    private static UUID applicationId(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String id = Optional.ofNullable(path.getFirst("id"))
                .or(() -> Optional.ofNullable(path.getFirst("applicationId")))
                .orElse(request.getUriInfo().getQueryParameters().getFirst("applicationId"));
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
