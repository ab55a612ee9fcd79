package id.ltsa.relay.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens (and closes) a connection to the SMTP relay before an email is handed to the mailer. The mailer's own connect
 * timeout cannot be set and its failure is a generic timeout, which cannot tell "never connected" from "sent, answer
 * lost"; only the first proves that an urgent message may go by the modem instead without being doubled.
 */
@ApplicationScoped
public class SmtpCheck {

    private final String host;
    private final int port;
    private final Duration timeout;

    SmtpCheck(
            @ConfigProperty(name = "quarkus.mailer.host") String host,
            @ConfigProperty(name = "quarkus.mailer.port") int port,
            @ConfigProperty(name = "ltsa.notification.connect-timeout", defaultValue = "3s") Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    public boolean connects() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
