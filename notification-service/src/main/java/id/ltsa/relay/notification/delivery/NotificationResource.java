package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Notification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The notification log of an application, scoped to the caller's office like the intake API. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationView(UUID applicationId, String transition, String channel, String language,
            String template, String status, int attempts, Instant sentAt) {
    }

    private final JsonWebToken token;

    NotificationResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Audited(AuditAction.NOTIFICATIONS_READ)
    @RolesAllowed({"office", "ministry", "ops"})
    public Map<String, List<NotificationView>> list(@QueryParam("applicationId") UUID applicationId) {
        if (applicationId == null) {
            throw new NotFoundException();
        }
        // in lifecycle order, whatever order the events arrived in (two topics do not keep order between them)
        List<Notification> notifications = Notification.<Notification>list("applicationId", applicationId).stream()
                .sorted(Comparator.comparingInt((Notification n) -> n.revision)
                        .thenComparingInt(n -> ApplicationStatus.valueOf(n.transition).rank())
                        .thenComparing(n -> n.createdAt))
                .toList();
        Object office = token.getClaim("office");
        boolean seesAll = token.getGroups().contains("ministry") || token.getGroups().contains("ops");
        if (notifications.isEmpty()
                || (!seesAll && notifications.stream().anyMatch(n -> !n.officeCode.equals(String.valueOf(office))))) {
            throw new NotFoundException(); // another office's application answers exactly as an unknown one
        }
        return Map.of("items", notifications.stream().map(n -> new NotificationView(n.applicationId, n.transition,
                n.channel, n.language, n.template, publicStatus(n.status), n.attempts, n.sentAt)).toList());
    }

    /** At the modem but not yet reported sent is still pending to the applicant: the contract's three statuses. */
    private static String publicStatus(String status) {
        return Notification.MODEM.equals(status) ? Notification.PENDING : status;
    }
}
