package id.ltsa.relay.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A real SMTP server (GreenMail) that keeps every email notification-service sends, for people and tests to read. */
@ApplicationScoped
public class MailSink {

    public record Email(String to, String subject, String text, Instant receivedAt) {}

    private final String host;
    private final int port;
    private GreenMail greenMail;

    MailSink(@ConfigProperty(name = "ltsa.smtp.host") String host, @ConfigProperty(name = "ltsa.smtp.port") int port) {
        this.host = host;
        this.port = port;
    }

    void start(@Observes StartupEvent startup) {
        ServerSetup smtp = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        greenMail.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<Email> receivedBy(String to) throws MessagingException {
        List<Email> emails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                if (to == null || recipient.toString().contains(to)) {
                    emails.add(new Email(
                            recipient.toString(),
                            message.getSubject(),
                            GreenMailUtil.getBody(message).trim(),
                            message.getReceivedDate() == null
                                    ? null
                                    : message.getReceivedDate().toInstant()));
                }
            }
        }
        return emails;
    }
}
