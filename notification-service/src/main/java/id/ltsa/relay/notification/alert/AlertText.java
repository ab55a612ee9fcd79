package id.ltsa.relay.notification.alert;

import id.ltsa.relay.contracts.LinkDiagnosis;
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

    record Message(String subject, String body) {}

    /** One office's backlog, already written out for the template. */
    @TemplateData
    record OfficeLine(String officeCode, long pending, String oldestId, String oldestEn) {}

    private final Template linkDown;
    private final Template linkRestored;
    private final Template linkDownSms;
    private final Template linkRestoredSms;
    private final AlertConfig settings;
    private final DateTimeFormatter time;

    AlertText(
            @Location("alerts/LINK_DOWN.txt") Template linkDown,
            @Location("alerts/LINK_RESTORED.txt") Template linkRestored,
            @Location("alerts/LINK_DOWN.sms.txt") Template linkDownSms,
            @Location("alerts/LINK_RESTORED.sms.txt") Template linkRestoredSms,
            AlertConfig settings) {
        this.linkDown = linkDown;
        this.linkRestored = linkRestored;
        this.linkDownSms = linkDownSms;
        this.linkRestoredSms = linkRestoredSms;
        this.settings = settings;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz").withZone(settings.zone());
    }

    /**
     * The SMS to people upstream when the link has been down past the threshold: one message in Bahasa Indonesia, with
     * the office, how long, how many wait and the oldest, and what to check first.
     */
    String linkDownSms(Instant since, Instant now, LinkDiagnosis diagnosis, List<OfficeBacklog> backlog) {
        LinkAdvice advice = LinkAdvice.of(diagnosis);
        return linkDownSms
                .data("office", office(backlog))
                .data("cause", advice.smsCause)
                .data("down", DurationText.indonesian(Duration.between(since, now)))
                .data(
                        "pending",
                        backlog.stream().mapToLong(OfficeBacklog::pending).sum())
                .data(
                        "oldest",
                        DurationText.indonesian(backlog.stream()
                                .map(OfficeBacklog::oldestPendingAge)
                                .max(Duration::compareTo)
                                .orElse(Duration.ZERO)))
                .data("action", advice.smsAction)
                .render()
                .trim();
    }

    String linkRestoredSms(Instant since, Instant upSince, List<OfficeBacklog> backlog) {
        return linkRestoredSms
                .data("office", office(backlog))
                .data("down", DurationText.indonesian(Duration.between(since, upSince)))
                .data(
                        "pending",
                        backlog.stream().mapToLong(OfficeBacklog::pending).sum())
                .render()
                .trim();
    }

    /** This office's code when configured; otherwise the offices that have applications waiting. */
    private String office(List<OfficeBacklog> backlog) {
        if (settings.officeCode().isPresent()) {
            return settings.officeCode().get();
        }
        List<String> codes =
                backlog.stream().map(OfficeBacklog::officeCode).limit(3).toList();
        return codes.isEmpty() ? "Relay" : String.join(",", codes) + (backlog.size() > 3 ? ",.." : "");
    }

    Message linkDown(
            Instant since, Instant now, String lastError, LinkDiagnosis diagnosis, List<OfficeBacklog> backlog) {
        LinkAdvice advice = LinkAdvice.of(diagnosis);
        Duration down = Duration.between(since, now);
        String subject = "[LTSA Relay] Jaringan ke pusat terputus " + DurationText.indonesian(down)
                + " / Central link down for " + DurationText.english(down);
        return new Message(
                subject,
                linkDown.data("since", time.format(since))
                        .data("downId", DurationText.indonesian(down))
                        .data("downEn", DurationText.english(down))
                        .data("lastError", lastError == null ? "-" : lastError)
                        .data("adviceId", advice.indonesian)
                        .data("adviceEn", advice.english)
                        .data(
                                "pending",
                                backlog.stream()
                                        .mapToLong(OfficeBacklog::pending)
                                        .sum())
                        .data("offices", lines(backlog, now))
                        .render()
                        .trim());
    }

    Message linkRestored(Instant since, Instant upSince, List<OfficeBacklog> backlog) {
        Duration down = Duration.between(since, upSince);
        String subject =
                "[LTSA Relay] Jaringan ke pusat pulih / Central link restored after " + DurationText.english(down);
        return new Message(
                subject,
                linkRestored
                        .data("since", time.format(since))
                        .data("until", time.format(upSince))
                        .data("downId", DurationText.indonesian(down))
                        .data("downEn", DurationText.english(down))
                        .data(
                                "pending",
                                backlog.stream()
                                        .mapToLong(OfficeBacklog::pending)
                                        .sum())
                        .data("offices", lines(backlog, upSince))
                        .render()
                        .trim());
    }

    private static List<OfficeLine> lines(List<OfficeBacklog> backlog, Instant now) {
        return backlog.stream()
                .map(office -> new OfficeLine(
                        office.officeCode(),
                        office.pending(),
                        DurationText.indonesian(office.oldestPendingAge()),
                        DurationText.english(office.oldestPendingAge())))
                .toList();
    }
}
