package id.ltsa.relay.scenario;

import id.ltsa.relay.localstack.LocalStack;
import id.ltsa.relay.localstack.Service;
import id.ltsa.relay.localstack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./ltsa demo outage}: the East Lombok outage on this machine, in a few minutes. Starts its own throwaway stack
 * (free ports, so a running {@code ./ltsa up} is left alone), narrates the backlog growing while the link is down,
 * the alert, the drain after it returns, and prints the invariant table.
 */
public final class OutageDemo {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private OutageDemo() {}

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path home = Files.createTempDirectory("ltsa-demo-");
        say("Starting a throwaway LTSA Relay (Kafka, PostgreSQL, 3 services, central API simulator) in " + home);
        try (LocalStack stack = new LocalStack(
                        StackSettings.throwaway(home).withServiceEnvironment(OutageScenario.compressedTime()))
                .start()) {
            say("Ready. Watch it live: " + stack.url(Service.SUBMISSION) + "/ops/#token="
                    + stack.tokens().token(null, "ops"));
            say("Logs: " + stack.settings().logs());
            OutageScenario scenario = new OutageScenario(new Relay(stack), new Applicants(), OutageDemo::say);
            Invariants result = scenario.outage("East Lombok outage, 14 days in minutes", applications, 14, true, null);
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
