package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.ProjectLayout;
import id.ltsa.relay.localstack.ServiceProcess;
import id.ltsa.relay.localstack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged central API simulator as its own process, for the tests of the services that talk to it. */
final class SimulatorProcess {

    private final ServiceProcess process;
    private final int smtpPort;

    SimulatorProcess(String callbackUrl) {
        Path home;
        try {
            home = Files.createTempDirectory("ltsa-test-simulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtpPort = Processes.freePort();
        int port = Processes.freePort();
        process = new ServiceProcess(
                "central-api-simulator",
                ProjectLayout.detect().serviceJar("central-api-simulator"),
                port,
                Map.of(
                        "QUARKUS_HTTP_PORT",
                        Integer.toString(port),
                        "LTSA_CALLBACK_URL",
                        callbackUrl,
                        "LTSA_CALLBACK_SECRET",
                        StackSettings.DEV_CALLBACK_SECRET,
                        "LTSA_SMTP_PORT",
                        Integer.toString(smtpPort)),
                home.resolve("central-api-simulator.log"),
                home.resolve("central-api-simulator.pid"));
        Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "ltsa-test-simulator-stop"));
        process.launch();
        try {
            process.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
    }

    String url() {
        return process.url();
    }

    int smtpPort() {
        return smtpPort;
    }
}
