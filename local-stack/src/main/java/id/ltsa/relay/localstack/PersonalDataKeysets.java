package id.ltsa.relay.localstack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The two Tink keysets intake encrypts applicants' data at rest with (AES256-GCM) and makes the NIK's blind index with
 * (HMAC-SHA256 PRF), made once in a folder and kept there: a lost keyset is lost data. The local stack and the tests
 * make theirs with it; deploy/systemd's install.sh makes an office's with {@link #main} (into /etc/ltsa, readable by
 * root and the service user only).
 */
public final class PersonalDataKeysets {

    public static final String KEYSET = "personal-data-keyset.json";
    public static final String INDEX_KEYSET = "personal-data-index-keyset.json";

    private final Path keyset;
    private final Path indexKeyset;

    private PersonalDataKeysets(Path directory) {
        this.keyset = directory.resolve(KEYSET);
        this.indexKeyset = directory.resolve(INDEX_KEYSET);
    }

    /** The keysets in {@code directory}, each made there if it is not there yet; never overwritten. */
    public static PersonalDataKeysets in(Path directory) {
        PersonalDataKeysets keysets = new PersonalDataKeysets(directory);
        try {
            AeadConfig.register();
            PrfConfig.register();
            Files.createDirectories(directory);
            makeIfMissing(keysets.keyset, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            makeIfMissing(keysets.indexKeyset, KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keysets;
    }

    public Path keysetFile() {
        return keyset;
    }

    public Path indexKeysetFile() {
        return indexKeyset;
    }

    private static void makeIfMissing(Path file, KeysetHandle keys) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r-----"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX modes: its own access rules apply
        }
        Files.move(partial, file); // never a half-written keyset under the real name
    }

    /** {@code java -cp ... id.ltsa.relay.localstack.PersonalDataKeysets DIRECTORY}: makes the keysets that are missing. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PersonalDataKeysets DIRECTORY");
            System.exit(2);
        }
        PersonalDataKeysets keysets = in(Path.of(args[0]));
        System.out.println(keysets.keysetFile() + "\n" + keysets.indexKeysetFile());
    }
}
