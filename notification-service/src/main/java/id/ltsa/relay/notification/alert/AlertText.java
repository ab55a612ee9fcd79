package id.ltsa.relay.notification.alert;

import id.ltsa.relay.notification.backlog.Backlog.OfficeBacklog;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the outage alert emails from templates/alerts/*.txt, in Bahasa Indonesia with English below: the readers are
 * office heads and ops teams, and a forwarded email should make sense to whoever gets it next.
 */
@ApplicationScoped
class AlertText {

    record Message(String subject, String body) {
    }

    /** One office's backlog, already written out for the template. */
    @TemplateData
    record OfficeLine(String officeCode, long pending, String oldestId, String oldestEn) {
    }

    private final Template linkDown;
    private final Template linkRestored;
    private final DateTimeFormatter time;

    AlertText(@Location("alerts/LINK_DOWN.txt") Template linkDown,
            @Location("alerts/LINK_RESTORED.txt") Template linkRestored, AlertSettings settings) {
        this.linkDown = linkDown;
        this.linkRestored = linkRestored;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz").withZone(settings.zone());
    }

    Message linkDown(Instant since, Instant now, String lastError, List<OfficeBacklog> backlog) {
        Duration down = Duration.between(since, now);
        String subject = "[LTSA Relay] Jaringan ke pusat terputus " + DurationText.indonesian(down)
                + " / Central link down for " + DurationText.english(down);
        return new Message(subject, linkDown
                .data("since", time.format(since))
                .data("downId", DurationText.indonesian(down))
                .data("downEn", DurationText.english(down))
                .data("lastError", lastError == null ? "-" : lastError)
                .data("pending", backlog.stream().mapToLong(OfficeBacklog::pending).sum())
                .data("offices", lines(backlog, now))
                .render().trim());
    }

    Message linkRestored(Instant since, Instant upSince, List<OfficeBacklog> backlog) {
        Duration down = Duration.between(since, upSince);
        String subject = "[LTSA Relay] Jaringan ke pusat pulih / Central link restored after "
                + DurationText.english(down);
        return new Message(subject, linkRestored
                .data("since", time.format(since))
                .data("until", time.format(upSince))
                .data("downId", DurationText.indonesian(down))
                .data("downEn", DurationText.english(down))
                .data("pending", backlog.stream().mapToLong(OfficeBacklog::pending).sum())
                .data("offices", lines(backlog, upSince))
                .render().trim());
    }

    private static List<OfficeLine> lines(List<OfficeBacklog> backlog, Instant now) {
        return backlog.stream().map(office -> new OfficeLine(office.officeCode(), office.pending(),
                DurationText.indonesian(office.oldestPendingAge()), DurationText.english(office.oldestPendingAge())))
                .toList();
    }
}
