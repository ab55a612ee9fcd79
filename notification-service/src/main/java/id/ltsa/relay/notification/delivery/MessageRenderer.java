package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.Recipient;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Renders the message for a transition in the applicant's language, from templates/messages/TRANSITION.LANG.txt. */
@ApplicationScoped
public class MessageRenderer {

    public record Rendered(String template, String subject, String text) {
    }

    private final Engine engine;

    MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    public Rendered render(Notification notification, Recipient recipient) {
        String language = "en".equals(recipient.language) ? "en" : "id";
        String name = "messages/" + notification.transition + "." + language;
        Template template = engine.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("No template " + name);
        }
        String text = template.data(Map.of(
                "name", firstName(recipient.fullName),
                "trackingCode", recipient.trackingCode,
                "reason", notification.reason == null ? "-" : notification.reason)).render().trim();
        String subject = ("en".equals(language) ? "Passport application " : "Permohonan paspor ")
                + recipient.trackingCode;
        return new Rendered(name, subject, text);
    }

    private static String firstName(String fullName) {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
