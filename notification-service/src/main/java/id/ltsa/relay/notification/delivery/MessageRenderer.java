package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.modem.Gsm7;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the message for a transition in the applicant's language, from templates/messages/TRANSITION.LANG.txt. An
 * SMS must fit one 160-character message (a split SMS arrives out of order or not at all on cheap phones): the
 * templates are written to fit with a long name, and a reason from the central API is shortened when it does not.
 */
@ApplicationScoped
public class MessageRenderer {

    static final int SMS_LENGTH = Gsm7.SMS_LENGTH;
    /** Longer first names are cut: the greeting is a courtesy, the tracking code is what matters. */
    static final int NAME_LENGTH = 15;

    public record Rendered(String template, String subject, String text) {}

    /** What a message is about: the transition, the applicant's language and channel, and what to fill in. */
    public record Request(
            ApplicationStatus transition,
            String language,
            DeliveryChannel channel,
            String fullName,
            String trackingCode,
            String reason) {}

    private final Engine engine;
    private final DeliveryConfig settings;

    MessageRenderer(Engine engine, DeliveryConfig settings) {
        this.engine = engine;
        this.settings = settings;
    }

    public Rendered render(Request request) {
        String language = "en".equals(request.language()) ? "en" : "id";
        String name = "messages/" + request.transition() + "." + language;
        Template template = engine.getTemplate(name);
        if (template == null) {
            throw new IllegalStateException("No template " + name);
        }
        String reason = request.reason() == null ? "-" : request.reason();
        String text = fill(template, request, reason);
        if (request.channel().isSms() && text.length() > SMS_LENGTH && request.reason() != null) {
            // ".." plus the full stop every template puts after the reason reads as an ellipsis
            int room = reason.length() - (text.length() - SMS_LENGTH) - 2;
            text = fill(template, request, room > 0 ? reason.substring(0, room).trim() + ".." : "-");
        }
        String subject =
                ("en".equals(language) ? "Passport application " : "Permohonan paspor ") + request.trackingCode();
        return new Rendered(name, subject, text);
    }

    private String fill(Template template, Request request, String reason) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", firstName(request.fullName()));
        data.put("trackingCode", request.trackingCode());
        data.put("reason", reason);
        data.put("trackingUrl", settings.trackingUrl().orElse(null));
        return template.data(data).render().trim();
    }

    private static String firstName(String fullName) {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        return first.length() > NAME_LENGTH ? first.substring(0, NAME_LENGTH) : first;
    }
}
