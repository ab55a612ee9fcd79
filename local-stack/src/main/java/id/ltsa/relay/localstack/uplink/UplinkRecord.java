package id.ltsa.relay.localstack.uplink;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A running stack's uplink, written to {@code .ltsa/run/uplink.properties} so that {@code ltsa uplink cut} and
 * {@code restore}, run from another terminal, act on the same namespace (or the same simulator).
 */
public record UplinkRecord(String kind, String namespace, String upstreamDevice, String simulatorControlUrl) {

    static final String NAMESPACE = "namespace";
    static final String SIMULATOR = "simulator";

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("kind", kind);
        if (namespace != null) {
            properties.setProperty("namespace", namespace);
            properties.setProperty("upstreamDevice", upstreamDevice);
        }
        properties.setProperty("simulatorControlUrl", simulatorControlUrl);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "the uplink of a running LTSA Relay local stack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<UplinkRecord> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new UplinkRecord(
                properties.getProperty("kind"),
                properties.getProperty("namespace"),
                properties.getProperty("upstreamDevice"),
                properties.getProperty("simulatorControlUrl")));
    }

    /** The uplink this record names, to cut or restore; closing it changes nothing (its owner removes it). */
    public Uplink attach() {
        return NAMESPACE.equals(kind)
                ? NamespaceUplink.attach(namespace, upstreamDevice, simulatorControlUrl)
                : new SimulatorUplink(simulatorControlUrl);
    }
}
