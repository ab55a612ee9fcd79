package id.ltsa.relay.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built pieces of the project live, found from a system property, an env variable or the working dir. */
public final class ProjectLayout {

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    public static ProjectLayout detect() {
        String configured = System.getProperty("ltsa.project.dir", System.getenv("LTSA_PROJECT_DIR"));
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("local-stack/pom.xml"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the LTSA Relay project: set LTSA_PROJECT_DIR");
    }

    public Path root() {
        return root;
    }

    /** The Kafka broker's classpath, copied there by the local-stack build. */
    public Path kafkaLib() {
        Path lib = root.resolve("local-stack/kafka-dist/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        return lib;
    }

    public Path serviceJar(String module) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        return jar;
    }
}
