package id.ltsa.relay.notification.delivery;

import static id.ltsa.relay.notification.NotificationEvents.modemMessages;
import static id.ltsa.relay.notification.NotificationEvents.newPhone;
import static id.ltsa.relay.notification.NotificationEvents.notificationLog;
import static id.ltsa.relay.notification.NotificationEvents.publishReceived;
import static id.ltsa.relay.notification.NotificationEvents.unreachableTries;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.NotificationChannel;
import id.ltsa.relay.notification.OfficeOfflineNotificationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Messages claimed for the gateway before it was found silent are not called one after another, each waiting out a
 * connect timeout: once the first call finds no answer, the rest are let go and go by the office modem at once. Cut
 * off, ten applicants heard RECEIVED by modem up to 27 s late that way (the end-to-end OfficeOfflineIT).
 *
 * <p>The gateway is made silent, not refusing, on loopback: a listening socket that never accepts, its queue full, so
 * a connection to it neither opens nor is refused until the client's connect timeout (3 s).
 */
@QuarkusTest
@TestProfile(ClaimedBeforeTheSilenceTest.SilentForTheWholeTest.class)
class ClaimedBeforeTheSilenceTest {

    /**
     * As {@link OfficeOfflineNotificationTest}'s office, but a silence found holds for the whole test, and the modem
     * may take its time (one message a second): any second call to the gateway is one this test is about, not a
     * recheck, or a message gammu had not taken in time and so was routed again.
     */
    public static class SilentForTheWholeTest extends OfficeOfflineNotificationTest.NothingUpstreamAnswers {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(super.getConfigOverrides());
            settings.put("ltsa.notification.upstream-recheck", "5m");
            settings.put("ltsa.modem.patience", "5m");
            return settings;
        }
    }

    private static final int APPLICANTS = 5;

    @Inject
    UpstreamReachability upstream;

    @ConfigProperty(name = "quarkus.rest-client.gateway.url")
    URI gateway;

    @Test
    void messages_claimed_before_the_gateway_was_found_silent_go_by_the_modem_without_calling_it() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket silentGateway = new ServerSocket(gateway.getPort(), 1, InetAddress.getLoopbackAddress())) {
            fillTheQueue(silentGateway, queued);
            upstream.answered(Upstream.GATEWAY); // whatever an earlier test found: the gateway is not known silent
            double triesBefore = unreachableTries("SMS");

            // the first message's call hangs on the connect; the next ones are decided meanwhile, and claimed for
            // calls of their own, since nothing has been found silent yet
            List<UUID> applications = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < APPLICANTS; i++) {
                applications.add(UUID.randomUUID());
                phones.add(newPhone());
                publishReceived(applications.get(i), phones.get(i), null, NotificationChannel.SMS, "id");
                if (i == 0) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notificationLog(applications.get(0))
                            .body("items.attempts", equalTo(List.of(1))));
                }
            }

            for (int i = 0; i < APPLICANTS; i++) {
                UUID id = applications.get(i);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> notificationLog(id)
                        .body("items.channel", equalTo(List.of("LOCAL_SMS")))
                        .body("items.status", equalTo(List.of("SENT")))
                        .body("items.attempts", equalTo(List.of(0))));
                modemMessages(phones.get(i), "out").body("items", hasSize(1));
            }
            assertEquals(
                    triesBefore + 1,
                    unreachableTries("SMS"),
                    "one call found the gateway silent; the messages claimed behind it were never called");
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    /**
     * Connects to the socket, which never accepts, until a connect no longer opens: its queue is full, and the kernel
     * drops every further attempt to connect, as a cut uplink does.
     */
    private static void fillTheQueue(ServerSocket server, List<Socket> queued) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        while (queued.size() < 16) {
            Socket socket = new Socket();
            try {
                socket.connect(address, 300);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        throw new IllegalStateException("the socket's queue never filled: the gateway would not be silent");
    }
}
