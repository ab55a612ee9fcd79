package id.ltsa.relay.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL refuses to run as root. When we are root, its commands run as the ordinary {@code postgres} user, and the
 * folders it uses are handed to that user.
 */
final class OsUser {

    static final String POSTGRES = "postgres";

    private OsUser() {}

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", POSTGRES, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes {@code dir} belong to postgres and lets postgres walk down to it (execute bit only, nothing readable). */
    static void handToPostgres(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal postgres =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(POSTGRES);
        Files.setOwner(dir, postgres);
        letPostgresWalkTo(dir);
    }

    /** Adds the execute bit for others to every folder above {@code dir}, so postgres can reach it. */
    static void letPostgresWalkTo(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        for (Path ancestor = dir.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(ancestor, permissions);
            }
        }
    }

    static void handFileToPostgres(Path file) throws IOException {
        if (isRoot()) {
            Files.setOwner(
                    file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(POSTGRES));
        }
    }
}
