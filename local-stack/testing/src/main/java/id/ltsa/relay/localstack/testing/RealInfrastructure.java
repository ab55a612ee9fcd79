package id.ltsa.relay.localstack.testing;

import id.ltsa.relay.localstack.DevKeys;
import id.ltsa.relay.localstack.DevTokens;
import id.ltsa.relay.localstack.KafkaBroker;
import id.ltsa.relay.localstack.KafkaCredentials;
import id.ltsa.relay.localstack.PersonalDataKeysets;
import id.ltsa.relay.localstack.PostgresServer;
import id.ltsa.relay.localstack.Processes;
import id.ltsa.relay.localstack.modem.GammuSchema;
import id.ltsa.relay.localstack.modem.GammuSmsd;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * The one test resource of every service: a real Kafka broker and a real PostgreSQL for the test JVM, plus a
 * development key pair for tokens.
 *
 * <p>Where they come from, in order: LTSA_TEST_KAFKA_BOOTSTRAP_SERVERS and LTSA_TEST_POSTGRES_URL when set; containers
 * when a Docker engine answers (LTSA_TEST_INFRA=local skips asking); otherwise local processes from the installed
 * PostgreSQL binaries and Maven Central's Kafka jars. Started once per JVM and reused across Quarkus restarts.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(RealInfrastructure.class);

    private static TestInfrastructure infrastructure;
    private static DevKeys keys;
    private String publicKeyLocation;
    private static SimulatorProcess simulator;
    private static GammuSmsd modem;
    private static int applicationPort;
    private static int managementPort;

    private String database = "app";
    private boolean withSimulator;
    private boolean withModem;

    /**
     * Init args: {@code database} names the test database's prefix; {@code simulator=true} also runs the central API
     * simulator (central API, WhatsApp/SMS gateway, SMTP sink) and points the application at it; {@code modem=true}
     * installs gammu's schema in the test database and runs the real Gammu SMSD on it, with gammu's dummy phone.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withSimulator = Boolean.parseBoolean(initArgs.getOrDefault("simulator", "false"));
        withModem = Boolean.parseBoolean(initArgs.getOrDefault("modem", "false"));
        // where the service under test finds its token keys, when not the development key file (a JWKS URL, say)
        publicKeyLocation = initArgs.get("publickey-location");
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = infrastructure();
        String databaseName = database + "_" + UUID.randomUUID().toString().substring(0, 8);
        infra.createDatabase(databaseName);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                // the service logs in as its own user, so the broker's ACLs apply to it as they do at an office
                "kafka.sasl.jaas.config",
                        kafkaClientConfig(kafkaUser()).get("sasl.jaas.config").toString(),
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", KafkaCredentials.MECHANISM,
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(databaseName),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "mp.jwt.verify.publickey.location",
                        publicKeyLocation != null
                                ? publicKeyLocation
                                : keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER));
        // what an office service's BrokerLoginConfig requires (ministry-watch, without one, takes the JAAS line above)
        config.put("ltsa.kafka.username", kafkaUser());
        config.put("ltsa.kafka.password", infra.kafkaCredentials().password(kafkaUser()));
        // /q/* answers on the management port; one per JVM, so tests know where to ask (managementPort())
        config.put("quarkus.management.test-port", Integer.toString(managementPort()));
        // intake encrypts applicants' data with these; the other services ignore them
        PersonalDataKeysets keysets =
                PersonalDataKeysets.in(keys.publicKeyFile().getParent());
        config.put("ltsa.personal-data.keyset-file", keysets.keysetFile().toString());
        config.put(
                "ltsa.personal-data.index-keyset-file",
                keysets.indexKeysetFile().toString());
        if (withModem) {
            startModem(infra, databaseName);
        }
        if (withSimulator) {
            startSimulator();
            config.put("quarkus.http.test-port", Integer.toString(applicationPort));
            config.put("quarkus.rest-client.central.url", simulator.url());
            config.put("quarkus.rest-client.gateway.url", simulator.url());
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(simulator.smtpPort()));
        }
        return config;
    }

    /** One simulator per JVM; it calls the application under test back on a port fixed here for that reason. */
    private static synchronized void startSimulator() {
        if (simulator == null) {
            applicationPort = Processes.freePort();
            simulator = new SimulatorProcess("http://127.0.0.1:" + applicationPort + "/api/v1/central/callbacks");
        }
    }

    /** The daemon of the latest database; the one before it goes with its database. */
    private static synchronized void startModem(TestInfrastructure infra, String databaseName) {
        if (!GammuSchema.available()) {
            throw new IllegalStateException(
                    "These tests run the real Gammu SMSD: apt-get install -y gammu-smsd" + " (.ci/run installs it)");
        }
        if (modem != null) {
            modem.stop();
        }
        GammuSchema.install(infra.jdbcUrl(databaseName), infra.username(), infra.password());
        URI server = URI.create(infra.jdbcUrl(databaseName).substring("jdbc:".length()));
        try {
            modem = new GammuSmsd(
                    Files.createTempDirectory("ltsa-test-modem-"),
                    Path.of("target/gammu-smsd.log"),
                    server.getHost(),
                    server.getPort(),
                    databaseName,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GammuSmsd started = modem;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "ltsa-test-modem-stop"));
        modem.start();
    }

    /** The office modem the application under test uses, e.g. to make it receive an SMS. */
    public static GammuSmsd modem() {
        if (modem == null) {
            throw new IllegalStateException("Start RealInfrastructure with the init arg modem=true");
        }
        return modem;
    }

    /**
     * The service's Kafka user, after its test database's prefix; ministry-watch, whose own broker (the ministry's)
     * is open, meets the office broker of the tests as its admin.
     */
    private String kafkaUser() {
        return switch (database) {
            case "intake" -> KafkaCredentials.INTAKE;
            case "submission" -> KafkaCredentials.SUBMISSION;
            case "notification" -> KafkaCredentials.NOTIFICATION;
            default -> KafkaCredentials.ADMIN;
        };
    }

    /** What a Kafka client needs to reach the tests' broker as {@code user}: bootstrap servers and a login. */
    public static Map<String, Object> kafkaClientConfig(String user) {
        Map<String, Object> config =
                new HashMap<>(infrastructure().kafkaCredentials().clientSecurity(user));
        config.put("bootstrap.servers", infrastructure().bootstrapServers());
        return config;
    }

    /** As {@link #kafkaClientConfig} for the broker's admin, who may do anything: what tests use to publish and read. */
    public static Map<String, Object> kafkaAdminConfig() {
        return kafkaClientConfig(KafkaCredentials.ADMIN);
    }

    /** A client logged in as the broker's admin: puts CloudEvents on topics and reads them. */
    public static KafkaTestClient kafka() {
        return new KafkaTestClient(kafkaAdminConfig());
    }

    /** Where the application under test serves {@code /q/*}: health, metrics, its OpenAPI document. */
    public static synchronized int managementPort() {
        if (managementPort == 0) {
            managementPort = Processes.freePort();
        }
        return managementPort;
    }

    /** The simulator's base URL, e.g. to switch it DOWN or read /sim/stats. */
    public static String simulatorUrl() {
        if (simulator == null) {
            throw new IllegalStateException("Start RealInfrastructure with the init arg simulator=true");
        }
        return simulator.url();
    }

    @Override
    public void stop() {
        // kept for the next Quarkus start in this JVM; a shutdown hook stops it with the JVM
    }

    /** Tokens signed with the key the application under test trusts. */
    public static DevTokens tokens() {
        infrastructure();
        return new DevTokens(keys);
    }

    /** The broker process, when this JVM runs one itself (not with containers or external infrastructure). */
    public static Optional<KafkaBroker> kafkaProcess() {
        return infrastructure() instanceof LocalProcessInfrastructure local
                ? Optional.of(local.kafka())
                : Optional.empty();
    }

    public static Optional<PostgresServer> postgresProcess() {
        return infrastructure() instanceof LocalProcessInfrastructure local
                ? Optional.of(local.postgres())
                : Optional.empty();
    }

    public static String bootstrapServers() {
        return infrastructure().bootstrapServers();
    }

    static synchronized TestInfrastructure infrastructure() {
        if (infrastructure == null) {
            infrastructure = choose();
            LOG.infof("Test infrastructure: %s", infrastructure.description());
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "ltsa-test-infrastructure-stop"));
            try {
                keys = DevKeys.in(Files.createTempDirectory("ltsa-test-keys-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return infrastructure;
    }

    /** Asking Testcontainers where no engine can be logs a page of errors; skip it when there is plainly none. */
    private static boolean dockerMayBeThere() {
        return System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"))
                || "containers".equals(System.getenv("LTSA_TEST_INFRA"));
    }

    private static TestInfrastructure choose() {
        String kafka = System.getenv("LTSA_TEST_KAFKA_BOOTSTRAP_SERVERS");
        String postgres = System.getenv("LTSA_TEST_POSTGRES_URL");
        if (kafka != null && postgres != null) {
            return new ExternalInfrastructure(kafka, postgres);
        }
        String mode = System.getenv().getOrDefault("LTSA_TEST_INFRA", "auto");
        if (!"local".equals(mode)
                && dockerMayBeThere()
                && DockerClientFactory.instance().isDockerAvailable()) {
            return new ContainerInfrastructure();
        }
        return new LocalProcessInfrastructure();
    }
}
