package id.ltsa.relay.localstack;

import id.ltsa.relay.localstack.modem.DummyPhone;
import id.ltsa.relay.localstack.uplink.Uplink;
import id.ltsa.relay.localstack.uplink.UplinkRecord;
import id.ltsa.relay.localstack.uplink.UpstreamNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** The `ltsa` command: up, down, token, uplink, modem. */
public final class LocalStackCli {

    private static final List<String> ROLES = List.of("office", "ministry", "ops");

    private LocalStackCli() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv()
                        .getOrDefault(
                                "LTSA_HOME",
                                ProjectLayout.detect().root().resolve(".ltsa").toString()))
                .toAbsolutePath();
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(home, args);
            case "down" -> down(home);
            case "token" -> token(home, args);
            case "uplink" -> uplink(home, args);
            case "modem" -> modem(home, args);
            default -> usage();
        }
    }

    private static void up(Path home, String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--reset")) {
            deleteRecursively(home.resolve("offices"));
            deleteRecursively(home.resolve("ministry"));
        }
        List<String> codes = officeCodes(arguments);
        Path pidFile = home.resolve("run/ltsa.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Files.writeString(home.resolve("run/offices"), String.join("\n", codes) + "\n");
        List<StackSettings> offices = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            offices.add(StackSettings.fromEnvironment(home, codes.get(i), i));
        }
        MinistrySettings ministrySettings = MinistrySettings.fromEnvironment(home);
        Instant started = Instant.now();
        System.out.println("Starting LTSA Relay: office" + (codes.size() > 1 ? "s " : " ") + String.join(", ", codes)
                + " and the ministry (logs under " + home + "/offices/*/logs and " + ministrySettings.logs() + ") ...");
        System.out.println("PostgreSQL:  " + PostgresBinaries.describe());
        LocalFleet fleet = new LocalFleet(offices, ministrySettings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping LTSA Relay ...");
                            fleet.close();
                            try {
                                Files.deleteIfExists(pidFile);
                            } catch (IOException e) {
                                // nothing to do: the next `up` overwrites it
                            }
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "ltsa-stop"));
        fleet.start();
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("%nLTSA Relay is up after %.1f s.%n", took.toMillis() / 1000.0);
        for (LocalStack office : fleet.offices()) {
            describeOffice(office);
        }
        MinistrySide ministry = fleet.ministry();
        System.out.println(
                "\nMinistry side (upstream, its own deployable; reaches each office only through that office's"
                        + " uplink):");
        System.out.printf(
                "  %-22s %s/fleet/   (log: %s)%n",
                "ministry-watch", ministry.watchUrl(), ministry.watch().log());
        System.out.printf("  %-22s %s%n", "ministry kafka", ministry.kafka().bootstrapServers());
        System.out.printf(
                "  %-22s pid %d, one source alias per office code   (log: %s)%n",
                "mirror maker 2",
                ministry.mirrorMaker().pid(),
                ministry.mirrorMaker().log());
        System.out.printf("  %-22s %s%n", "postgresql", ministry.postgres().jdbcUrl(MinistrySide.DATABASE));
        fleet.notes().forEach(note -> System.out.println("Note:        " + note));
        String first = codes.get(0);
        System.out.println(
                "\nA token:        ./ltsa token " + first + " office   (the fleet page: ./ltsa token - ministry)");
        System.out.println(
                "Office offline: ./ltsa uplink cut " + first + "    (and ./ltsa uplink restore " + first + ")");
        System.out.println("An SMS arrives: ./ltsa modem receive +6281234567890 \"CEK LT-ABCD1234\"");
        System.out.println("Central down:   curl -X PUT " + fleet.office(first).url(Service.CENTRAL_API_SIMULATOR)
                + "/sim/mode -H 'Content-Type: application/json' -d '{\"mode\":\"DOWN\"}'");
        System.out.println("Stop:           Ctrl-C here, or ./ltsa down");
        stopped.await();
    }

    private static void describeOffice(LocalStack office) {
        StackSettings settings = office.settings();
        System.out.println(
                "\nOffice " + office.officeCode() + " (the office server: PostgreSQL, Kafka, the three services,"
                        + " the modem; submission writes the heartbeats the ministry reads):");
        for (Service service : Service.values()) {
            System.out.printf(
                    "  %-22s %s   (log: %s)%n",
                    service.module(),
                    office.url(service),
                    office.service(service).log());
        }
        System.out.printf(
                "  %-22s %s (the ministry's MirrorMaker 2 comes in at %s)%n",
                "kafka", office.kafka().bootstrapServers(), office.kafka().uplinkBootstrapServers());
        System.out.printf("  %-22s %s%n", "postgresql", office.postgres().jdbcUrl("<intake|submission|notification>"));
        System.out.printf(
                "  %-22s %s:%d (emails: %s/sim/emails)%n",
                "smtp sink",
                office.uplink().upstreamAddress(),
                settings.smtpPort(),
                office.url(Service.CENTRAL_API_SIMULATOR));
        office.modem()
                .ifPresent(modem -> System.out.printf(
                        "  %-22s gammu-smsd pid %d, dummy phone %s   (log: %s)%n",
                        "office modem", modem.pid(), modem.phone().device(), modem.log()));
        System.out.println("  upstream:              " + office.uplink().description() + "; /sim controls at "
                + office.url(Service.CENTRAL_API_SIMULATOR) + " (never cut)");
    }

    /** {@code --offices 5203,5201}, or LTSA_OFFICES, or the one default office. */
    static List<String> officeCodes(List<String> arguments) {
        int flag = arguments.indexOf("--offices");
        String listed = flag >= 0 && flag + 1 < arguments.size()
                ? arguments.get(flag + 1)
                : System.getenv().getOrDefault("LTSA_OFFICES", StackSettings.DEFAULT_OFFICE);
        List<String> codes = new ArrayList<>();
        for (String code : listed.split(",")) {
            if (!code.trim().matches("[0-9]{4}")) {
                throw new IllegalArgumentException("--offices takes four-digit office codes, e.g. 5203,5201: " + code);
            }
            if (!codes.contains(code.trim())) {
                codes.add(code.trim());
            }
        }
        return codes;
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
        List<Path> sides = new ArrayList<>();
        if (Files.isDirectory(home.resolve("offices"))) {
            try (Stream<Path> offices = Files.list(home.resolve("offices"))) {
                sides.addAll(offices.toList());
            }
        }
        sides.add(home.resolve("ministry"));
        for (Path side : sides) {
            Path run = side.resolve("run");
            try (Stream<Path> pids = Files.exists(run) ? Files.list(run) : Stream.empty()) {
                for (Path pid : pids.filter(
                                file -> file.getFileName().toString().endsWith(".pid"))
                        .toList()) {
                    pidIn(pid).ifPresent(process -> {
                        process.destroy();
                        System.out.println("Stopped leftover " + side.getFileName() + "/" + pid.getFileName());
                    });
                    Files.deleteIfExists(pid);
                }
            }
            if (Files.exists(side.resolve("data/postgres/postmaster.pid"))) {
                new PostgresServer(side.resolve("data/postgres"), side.resolve("logs/postgres.log"), 0, false).stop();
            }
            Files.deleteIfExists(run.resolve("uplink.properties"));
        }
        UpstreamNamespace.removeLeftovers(); // the namespace of a launcher that died without its shutdown hook
    }

    /** Cuts or restores the uplink of an office of the fleet `ltsa up` runs in another terminal. */
    private static void uplink(Path home, String[] args) throws IOException {
        String action = args.length < 2 ? "status" : args[1];
        String office = args.length < 3 ? firstOffice(home) : args[2];
        UplinkRecord record = UplinkRecord.read(
                        home.resolve("offices").resolve(office).resolve("run/uplink.properties"))
                .orElseThrow(() -> new IllegalStateException("No running office " + office + " found under " + home
                        + ": start it with ./ltsa up --offices " + office));
        Uplink uplink = record.attach();
        switch (action) {
            case "cut" -> {
                uplink.cut();
                System.out.println(
                        "Office " + office + "'s uplink cut: every upstream connection (central API, gateway,"
                                + " SMTP, the ministry's MirrorMaker 2) now hangs unanswered. Counters still reach intake."
                                + " ./ltsa uplink restore " + office + " brings it back.");
            }
            case "restore" -> {
                uplink.restore();
                System.out.println("Office " + office + "'s uplink restored.");
            }
            case "status" ->
                System.out.println("Office " + office + "'s uplink " + (uplink.isCut() ? "CUT" : "up")
                        + " ("
                        + (record.namespace() == null ? "simulator's uplink mode" : "namespace " + record.namespace())
                        + ")");
            default -> usage();
        }
    }

    private static String firstOffice(Path home) throws IOException {
        Path listed = home.resolve("run/offices");
        return Files.exists(listed) ? Files.readAllLines(listed).get(0).trim() : StackSettings.DEFAULT_OFFICE;
    }

    /** Makes the local stack's modem receive an SMS, as if an applicant had sent it. */
    private static void modem(Path home, String[] args) throws IOException {
        if (args.length < 4 || !"receive".equals(args[1])) {
            System.err.println("usage: ltsa modem receive <phone number> <text>, e.g."
                    + " ltsa modem receive +6281234567890 \"CEK LT-ABCD1234\"");
            System.exit(2);
        }
        Path device = home.resolve("offices").resolve(firstOffice(home)).resolve("data/modem/phone");
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
        // beside the token key, for docker-compose's intake-service (which mounts the folder)
        PersonalDataKeysets.in(home.resolve("keys"));
    }

    private static void usage() {
        System.out.println("""
                ltsa up [--offices 5203,5201] [--reset]
                                            run the whole system locally, offices and the ministry (Ctrl-C stops
                                            it); one office, 5203, unless listed; --reset wipes their data
                ltsa down                   stop a stack started elsewhere
                ltsa token OFFICE ROLE      print a development token, e.g. ltsa token 5203 office
                ltsa uplink cut|restore [OFFICE]
                                            cut or restore an office's internet (every upstream connection hangs)
                ltsa uplink status [OFFICE] whether it is cut
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
