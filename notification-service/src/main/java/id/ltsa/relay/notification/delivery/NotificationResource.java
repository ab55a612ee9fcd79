package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.audit.AuditAction;
import id.ltsa.relay.audit.Audited;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.http.ApiLimits;
import id.ltsa.relay.http.Caller;
import id.ltsa.relay.http.HttpProblems;
import id.ltsa.relay.http.Problem;
import id.ltsa.relay.http.ProblemException;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.NotificationStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The notification log of an application, scoped to the caller's office like the intake API. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationView(
            UUID applicationId,

            @Schema(description = "The status the applicant was told of")
            ApplicationStatus transition,

            @Schema(
                    nullable = true,
                    maxLength = 9,
                    description = "LOCAL_SMS is the office modem; null until the message is routed")
            DeliveryChannel channel,

            @Schema(
                    nullable = true,
                    enumeration = {"id", "en"},
                    maxLength = 2)
            String language,

            @Schema(nullable = true, maxLength = ApiLimits.NAME_MAX)
            String template,

            @Schema(
                    enumeration = {"PENDING", "SENT", "FAILED"},
                    description = "At the office modem counts as PENDING")
            NotificationStatus status,

            @Schema(format = "int32", minimum = ApiLimits.COUNT_MIN, maximum = ApiLimits.INT_MAX)
            int attempts,

            @Schema(nullable = true, format = "date-time", maxLength = 35)
            Instant sentAt) {}

    /** An application's messages, in lifecycle order. */
    public record NotificationLog(
            @Schema(maxItems = ApiLimits.LIST_MAX) List<NotificationView> items) {}

    static final Problem NOT_FOUND = HttpProblems.notFound("No notifications for such an application");

    private final Caller caller;

    NotificationResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Audited(AuditAction.NOTIFICATIONS_READ)
    @RolesAllowed({"office", "ministry", "ops"})
    @Operation(summary = "The messages sent, or still to send, about one application, in lifecycle order")
    @APIResponse(
            responseCode = "200",
            description = "{items}",
            content = @Content(schema = @Schema(implementation = NotificationLog.class)))
    @APIResponse(
            responseCode = "400",
            description = "No applicationId, or one that is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No message about such an application; another office's " + "application answers the same",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationLog notifications(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @QueryParam("applicationId")
                    String application) {
        if (application == null) {
            throw new ProblemException(HttpProblems.invalid("applicationId", "is required"));
        }
        UUID applicationId;
        try {
            // read here rather than by JAX-RS, whose answer to a query parameter it cannot convert is a bare 404
            applicationId = UUID.fromString(application);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpProblems.invalid("applicationId", "must be an application id (a UUID)"));
        }
        // in lifecycle order, whatever order the events arrived in (two topics do not keep order between them)
        List<Notification> notifications = Notification.<Notification>list("applicationId", applicationId).stream()
                .sorted(Comparator.comparingInt((Notification n) -> n.revision)
                        .thenComparingInt(n -> n.transition.rank())
                        .thenComparing(n -> n.createdAt))
                .toList();
        if (notifications.isEmpty() || notifications.stream().anyMatch(n -> !caller.maySee(n.officeCode))) {
            throw new ProblemException(NOT_FOUND); // another office's application answers exactly as an unknown one
        }
        return new NotificationLog(notifications.stream()
                .map(n -> new NotificationView(
                        n.applicationId,
                        n.transition,
                        n.channel,
                        n.language,
                        n.template,
                        n.status.published(),
                        n.attempts,
                        n.sentAt))
                .toList());
    }
}
