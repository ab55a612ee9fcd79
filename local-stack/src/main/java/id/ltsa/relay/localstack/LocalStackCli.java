package id.ltsa.relay.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import id.ltsa.relay.localstack.modem.DummyPhone;
import id.ltsa.relay.localstack.uplink.NamespaceUplink;
import id.ltsa.relay.localstack.uplink.Uplink;
import id.ltsa.relay.localstack.uplink.UplinkRecord;

/** The `ltsa` command: up, down, token, uplink, modem. */
public final class LocalStackCli {

    private static final List<String> ROLES = List.of("office", "ministry", "ops");

    private LocalStackCli() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("LTSA_HOME",
                ProjectLayout.detect().root().resolve(".ltsa").toString())).toAbsolutePath();
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(home, List.of(args).contains("--reset"));
            case "down" -> down(home);
            case "token" -> token(home, args);
            case "uplink" -> uplink(home, args);
            case "modem" -> modem(home, args);
            default -> usage();
        }
    }

    private static void up(Path home, boolean reset) throws Exception {
        if (reset) {
            deleteRecursively(home.resolve("data"));
            deleteRecursively(home.resolve("logs"));
        }
        Path pidFile = home.resolve("run/ltsa.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        StackSettings settings = StackSettings.fromEnvironment(home);
        Instant started = Instant.now();
        System.out.println("Starting LTSA Relay (logs in " + settings.logs() + ") ...");
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping LTSA Relay ...");
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // nothing to do: the next `up` overwrites it
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "ltsa-stop"));
        stack.start();
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("%nLTSA Relay is up after %.1f s.%n%n", took.toMillis() / 1000.0);
        for (Service service : Service.values()) {
            System.out.printf("  %-22s %s   (log: %s)%n", service.module(), stack.url(service),
                    stack.service(service).log());
        }
        System.out.printf("  %-22s %s%n", "kafka", stack.kafka().bootstrapServers());
        System.out.printf("  %-22s %s%n", "postgresql", stack.postgres().jdbcUrl("<intake|submission|notification>"));
        System.out.printf("  %-22s %s:%d (emails: %s/sim/emails)%n", "smtp sink", stack.uplink().upstreamAddress(),
                settings.smtpPort(), stack.url(Service.CENTRAL_API_SIMULATOR));
        stack.modem().ifPresent(modem -> System.out.printf("  %-22s gammu-smsd pid %d, dummy phone %s   (log: %s)%n",
                "office modem", modem.pid(), modem.phone().device(), modem.log()));
        System.out.println("\nOffice side: PostgreSQL, Kafka, the three services and the modem, on this machine.");
        System.out.println("Upstream:    " + stack.uplink().description() + ";");
        System.out.println("             the services reach it at " + stack.uplink().upstreamAddress()
                + ", its /sim controls answer at " + stack.url(Service.CENTRAL_API_SIMULATOR) + " (never cut).");
        stack.notes().forEach(note -> System.out.println("Note:        " + note));
        System.out.println("\nA token:        ./ltsa token 5203 office");
        System.out.println("Office offline: ./ltsa uplink cut    (and ./ltsa uplink restore)");
        System.out.println("An SMS arrives: ./ltsa modem receive +6281234567890 \"CEK LT-ABCD1234\"");
        System.out.println("Central down:   curl -X PUT " + stack.url(Service.CENTRAL_API_SIMULATOR)
                + "/sim/mode -H 'Content-Type: application/json' -d '{\"mode\":\"DOWN\"}'");
        System.out.println("Stop:           Ctrl-C here, or ./ltsa down");
        stopped.await();
    }

    /** Stops a stack started by `ltsa up` in another terminal, and anything it left behind. */
    private static void down(Path home) throws Exception {
        Optional<ProcessHandle> launcher = pidIn(home.resolve("run/ltsa.pid"));
        if (launcher.isPresent()) {
            launcher.get().destroy();
            launcher.get().onExit().get();
            System.out.println("Stopped the stack (pid " + launcher.get().pid() + ").");
        }
        // a launcher killed without its shutdown hook leaves its children running: stop them too
        try (Stream<Path> pids = Files.exists(home.resolve("run")) ? Files.list(home.resolve("run")) : Stream.empty()) {
            for (Path pid : pids.filter(file -> file.getFileName().toString().endsWith(".pid")).toList()) {
                pidIn(pid).ifPresent(process -> {
                    process.destroy();
                    System.out.println("Stopped leftover " + pid.getFileName());
                });
                Files.deleteIfExists(pid);
            }
        }
        StackSettings settings = StackSettings.fromEnvironment(home);
        new PostgresServer(settings.data().resolve("postgres"), settings.logs().resolve("postgres.log"),
                settings.postgresPort(), false).stop();
        NamespaceUplink.removeLeftovers(); // the uplink namespace of a launcher that died without its shutdown hook
        Files.deleteIfExists(home.resolve("run/uplink.properties"));
    }

    /** Cuts or restores the uplink of the stack `ltsa up` runs in another terminal. */
    private static void uplink(Path home, String[] args) {
        String action = args.length < 2 ? "status" : args[1];
        UplinkRecord record = UplinkRecord.read(home.resolve("run/uplink.properties")).orElseThrow(
                () -> new IllegalStateException("No running stack found under " + home + ": start one with ./ltsa up"));
        Uplink uplink = record.attach();
        switch (action) {
            case "cut" -> {
                uplink.cut();
                System.out.println("Uplink cut: every upstream connection (central API, gateway, SMTP) now hangs"
                        + " unanswered. Counters still reach intake. ./ltsa uplink restore brings it back.");
            }
            case "restore" -> {
                uplink.restore();
                System.out.println("Uplink restored.");
            }
            case "status" -> System.out.println("Uplink " + (uplink.isCut() ? "CUT" : "up") + " ("
                    + (record.namespace() == null ? "simulator's uplink mode" : "namespace " + record.namespace())
                    + ")");
            default -> usage();
        }
    }

    /** Makes the local stack's modem receive an SMS, as if an applicant had sent it. */
    private static void modem(Path home, String[] args) {
        if (args.length < 4 || !"receive".equals(args[1])) {
            System.err.println("usage: ltsa modem receive <phone number> <text>, e.g."
                    + " ltsa modem receive +6281234567890 \"CEK LT-ABCD1234\"");
            System.exit(2);
        }
        Path device = home.resolve("data/modem/phone");
        if (!Files.isDirectory(device)) {
            throw new IllegalStateException("No modem under " + device + ": is ./ltsa up running, with gammu-smsd?");
        }
        new DummyPhone(device).receive(args[2], String.join(" ", List.of(args).subList(3, args.length)));
        System.out.println("The modem received an SMS from " + args[2] + "; answers show in"
                + " GET /api/v1/modem/messages on notification-service.");
    }

    private static Optional<ProcessHandle> pidIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
    }

    private static void token(Path home, String[] args) {
        if (args.length < 3 || !ROLES.contains(args[2])) {
            System.err.println("usage: ltsa token <office code, e.g. 5203, or - for none> <office|ministry|ops>");
            System.exit(2);
        }
        String office = "-".equals(args[1]) ? null : args[1];
        System.out.println(new DevTokens(DevKeys.in(home.resolve("keys"))).token(office, args[2]));
    }

    private static void usage() {
        System.out.println("""
                ltsa up [--reset]           run the whole system locally (Ctrl-C stops it); --reset wipes its data
                ltsa down                   stop a stack started elsewhere
                ltsa token OFFICE ROLE      print a development token, e.g. ltsa token 5203 office
                ltsa uplink cut|restore     cut or restore the office's internet (every upstream connection hangs)
                ltsa uplink status          whether it is cut
                ltsa modem receive NUMBER TEXT   the office modem receives an SMS, e.g. "CEK LT-ABCD1234"
                ltsa test                   run every test (./mvnw -B verify)""");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
