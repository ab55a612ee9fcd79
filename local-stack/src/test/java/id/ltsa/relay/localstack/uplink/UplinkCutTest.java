package id.ltsa.relay.localstack.uplink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.ltsa.relay.localstack.Processes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uplink cut is the network's, not a flag: a server in the upstream namespace is reached through the uplink until
 * it is cut, and then a connection hangs unanswered (a timeout, never "refused"), as with a dead ISP; the control link
 * still reaches it, and so does a second office through its own uplink; restoring brings it back. Only namespaces
 * this test made carry the traffic.
 */
class UplinkCutTest {

    @TempDir
    Path home;

    @Test
    void a_cut_uplink_leaves_connections_hanging_while_the_control_link_and_other_offices_still_answer()
            throws Exception {
        int port = Processes.freePort();
        List<String> reasons = new ArrayList<>();
        Optional<UpstreamNamespace> made = UpstreamNamespace.create(reasons::add);
        assumeTrue(made.isPresent(), () -> "no network namespace here: " + reasons);
        try (UpstreamNamespace upstream = made.get()) {
            NamespaceUplink uplink = upstream.addOffice(port);
            NamespaceUplink otherOffice = upstream.addOffice(port);
            Process server = startServerInside(uplink, port);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> connects(uplink.upstreamAddress(), port));

                uplink.cut();

                assertTrue(uplink.isCut());
                long started = System.nanoTime();
                assertThrows(
                        SocketTimeoutException.class,
                        () -> connect(uplink.upstreamAddress(), port, 1500),
                        "a dead ISP answers nothing: the connection times out, it is not refused");
                assertTrue(System.nanoTime() - started >= 1_000_000_000L, "it hung until the timeout");
                assertTrue(connects(uplink.controlAddress(), port), "the control link is never cut");
                assertTrue(connects(otherOffice.upstreamAddress(), port), "another office's uplink is its own");
                assertEquals(false, otherOffice.isCut());

                uplink.restore();

                assertEquals(false, uplink.isCut());
                await().atMost(Duration.ofSeconds(10)).until(() -> connects(uplink.upstreamAddress(), port));
            } finally {
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** A tiny Java server (a single-file source program) inside the upstream namespace, on all its addresses. */
    private Process startServerInside(NamespaceUplink uplink, int port) throws IOException {
        Path source = home.resolve("Listen.java");
        Files.writeString(source, """
                public class Listen {
                    public static void main(String[] args) throws Exception {
                        try (var server = new java.net.ServerSocket(Integer.parseInt(args[0]))) {
                            while (true) {
                                server.accept().close();
                            }
                        }
                    }
                }
                """);
        List<String> command = new ArrayList<>(uplink.launchPrefix());
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(),
                Integer.toString(port)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("listen.log").toFile())
                .start();
    }

    private static boolean connects(String host, int port) {
        try {
            connect(host, port, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        }
    }
}
