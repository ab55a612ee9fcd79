package id.ltsa.relay.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service run as its own JVM, ready when its readiness check answers 200. The check asks the
 * management port ({@code QUARKUS_MANAGEMENT_PORT} in its environment) where a service has one, its API port otherwise.
 */
public final class ServiceProcess implements StackProcess {

    /**
     * Chosen for a 2-core office machine running the whole stack: a small heap is plenty for these services, C1 only
     * starts faster and uses less code cache, the serial collector has the smallest footprint. The heap starts small
     * and grows as needed (see {@link Processes#smallJvm}), and no performance counters are kept (see there too).
     */
    static final String DEFAULT_JAVA_OPTS =
            "-Xms16m -Xmx96m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m "
                    + "-XX:MaxDirectMemorySize=32m -XX:CICompilerCount=1 -XX:-UsePerfData";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final String host;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    private final List<String> launchPrefix;
    private final LoggedProcess process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log, Path pidFile) {
        this(name, jar, "127.0.0.1", port, environment, log, pidFile, List.of());
    }

    /**
     * @param host where the service answers, from this machine (another network namespace's address for upstream)
     * @param launchPrefix put before the java command, e.g. {@code ip netns exec NAME} to start it upstream
     */
    public ServiceProcess(
            String name,
            Path jar,
            String host,
            int port,
            Map<String, String> environment,
            Path log,
            Path pidFile,
            List<String> launchPrefix) {
        this.name = name;
        this.jar = jar;
        this.host = host;
        this.port = port;
        this.managementPort =
                Integer.parseInt(environment.getOrDefault("QUARKUS_MANAGEMENT_PORT", Integer.toString(port)));
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.process = new LoggedProcess(name, log, pidFile, Duration.ofSeconds(20));
        this.launchPrefix = List.copyOf(launchPrefix);
    }

    /** Starts the JVM without waiting; see {@link #awaitReady}. */
    public synchronized void launch() {
        // ip netns exec replaces itself with the command, so the pid is the JVM's and kill -9 reaches it
        List<String> command = new ArrayList<>(launchPrefix);
        command.add(Processes.javaExecutable());
        String opts = System.getenv().getOrDefault("LTSA_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        command.addAll(Arrays.asList(opts.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        process.start(command, environment, log.getParent());
    }

    public void awaitReady(Duration timeout) {
        process.await(name + " on port " + port, timeout, this::isReady);
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    /** Where its health, metrics and OpenAPI document answer: {@code /q/*} on its management port. */
    public String managementUrl() {
        return "http://" + host + ":" + managementPort;
    }

    @Override
    public LoggedProcess process() {
        return process;
    }
}
