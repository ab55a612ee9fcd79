package id.ltsa.relay.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The office broker's SASL/SCRAM users and their passwords: {@code admin} (the broker itself and whoever sets it up),
 * one user per service, and {@code mirror-maker} for the ministry's MirrorMaker 2. Made once, with random passwords, in
 * a file readable by its owner only, and kept: the broker's users are made from it at every start. The local stack
 * keeps it beside the development keys (one file for a whole local fleet); deploy/systemd's install.sh makes an
 * office's with {@link #main}.
 */
public final class KafkaCredentials {

    public static final String FILE = "kafka-credentials.properties";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";
    public static final String INTAKE = "intake-service";
    public static final String SUBMISSION = "submission-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String MIRROR_MAKER = "mirror-maker";
    public static final List<String> USERS = List.of(ADMIN, INTAKE, SUBMISSION, NOTIFICATION, MIRROR_MAKER);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** The credentials in {@code directory}, the file made there (or completed) if need be; a password never changes. */
    public static synchronized KafkaCredentials in(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean added = false;
            for (String user : USERS) {
                String password = stored.getProperty(user);
                if (password == null) {
                    password = newPassword();
                    added = true;
                }
                passwords.put(user, password);
            }
            if (added) {
                write(file, passwords);
            }
            return new KafkaCredentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such Kafka user: " + user);
        }
        return password;
    }

    /** What a Kafka client (producer, consumer, admin) needs to log in as {@code user}, beside bootstrap.servers. */
    public Map<String, Object> clientSecurity(String user) {
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                scramLogin(user, password(user)));
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** 24 random bytes, base64url: nothing that needs quoting in a JAAS line or Kafka's --add-scram syntax. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(FILE + ".partial");
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(
                    writer,
                    "The office broker's SASL/SCRAM users. Keep it secret; never change a password here"
                            + " without changing it in the broker and the service.");
        }
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX modes: its own access rules apply
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code java -cp ... id.ltsa.relay.localstack.KafkaCredentials DIRECTORY}: makes the missing passwords. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: KafkaCredentials DIRECTORY");
            System.exit(2);
        }
        in(Path.of(args[0]));
        System.out.println(Path.of(args[0]).resolve(FILE));
    }
}
