package id.ltsa.relay.scenario;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./ltsa demo office-offline}: the office's own internet cut, on this machine, in a few minutes. Starts its
 * own throwaway stack (free ports, so a running {@code ./ltsa up} is left alone), cuts the uplink at the network,
 * narrates what the counter, the applicants (by the office modem) and the people upstream see, restores it, and
 * prints the invariant table.
 */
public final class OfficeOfflineDemo {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private OfficeOfflineDemo() {}

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path home = Files.createTempDirectory("ltsa-demo-offline-");
        say("Starting a throwaway office (Kafka, PostgreSQL, 3 services, the modem; upstream behind an uplink) in "
                + home);
        try (LocalStack stack = new LocalStack(
                        StackSettings.throwaway(home).withServiceEnvironment(OfficeOfflineScenario.settings()))
                .start()) {
            stack.notes().forEach(note -> say("Note: " + note));
            String ops = stack.tokens().token(null, "ops");
            say("Ready. Watch it live: " + stack.url(Service.SUBMISSION) + "/ops/#token=" + ops);
            say("What the modem sends:  curl -s " + stack.url(Service.NOTIFICATION)
                    + "/api/v1/modem/messages -H 'Authorization: Bearer " + ops + "'");
            say("Logs: " + stack.settings().logs());
            OfficeOfflineScenario scenario =
                    new OfficeOfflineScenario(new Relay(stack), new Applicants(), OfficeOfflineDemo::say);
            OfficeOfflineInvariants result =
                    scenario.dark("The office's own internet cut", applications, Duration.ofSeconds(60), null);
            System.out.println();
            System.out.println(result.table());
            if (!result.holds()) {
                System.exit(1);
            }
        }
    }

    private static void say(String line) {
        System.out.println(LocalTime.now().format(CLOCK) + "  " + line);
    }
}
