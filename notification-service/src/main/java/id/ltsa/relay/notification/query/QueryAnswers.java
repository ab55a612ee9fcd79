package id.ltsa.relay.notification.query;

import id.ltsa.relay.contracts.ApplicantInitials;
import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.contracts.StatusLabels;
import id.ltsa.relay.notification.alert.AlertConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The modem's answers to status queries, from templates/queries: the status label in the applicant's language and
 * their initials, never their name, NIK or number (anyone holding a code may ask, as on the public tracking page).
 */
@ApplicationScoped
class QueryAnswers {

    private final Template statusId;
    private final Template statusEn;
    private final Template unknown;
    private final Template howToAsk;
    private final DateTimeFormatter time;

    QueryAnswers(
            @Location("queries/STATUS.id.txt") Template statusId,
            @Location("queries/STATUS.en.txt") Template statusEn,
            @Location("queries/UNKNOWN.id.txt") Template unknown,
            @Location("queries/HOW_TO_ASK.id.txt") Template howToAsk,
            AlertConfig settings) {
        this.statusId = statusId;
        this.statusEn = statusEn;
        this.unknown = unknown;
        this.howToAsk = howToAsk;
        this.time = DateTimeFormatter.ofPattern("dd-MM HH:mm zzz").withZone(settings.zone());
    }

    String status(String trackingCode, String fullName, String language, ApplicationStatus status, Instant updated) {
        return ("en".equals(language) ? statusEn : statusId)
                .data("trackingCode", trackingCode)
                .data("initials", ApplicantInitials.of(fullName))
                .data("label", StatusLabels.label(status, language))
                .data("updated", time.format(updated))
                .render()
                .trim();
    }

    String unknown(String typed) {
        return unknown.data("trackingCode", typed).render().trim();
    }

    String howToAsk() {
        return howToAsk.render().trim();
    }
}
