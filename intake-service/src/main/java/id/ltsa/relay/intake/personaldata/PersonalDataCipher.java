package id.ltsa.relay.intake.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts applicants' NIK, phone and email for intake's columns with Google Tink (AEAD, AES256-GCM), and makes the
 * NIK's blind index (a keyed hash: equal NIKs give equal indexes, and nothing else can be learnt from it without the
 * key). A stored value is {@code v1:<base64 of Tink's ciphertext>}; Tink's ciphertext names the key it was made with,
 * so after a rotation values under the old key still decrypt, and {@link #isUnderPrimary} tells which to re-encrypt.
 * The column's name is the associated data: a ciphertext copied into another column does not decrypt.
 */
@Singleton
public class PersonalDataCipher {

    static final String PREFIX = "v1:";
    /** Tink's output prefix: one version byte, then the 4-byte id of the key. */
    private static final int TINK_PREFIX = 5;

    private final Aead aead;
    private final int primaryKeyId;
    private final PrfSet index;

    @Inject
    PersonalDataCipher(PersonalDataConfig config) {
        this(read(config.keysetFile()), read(config.indexKeysetFile()));
    }

    PersonalDataCipher(String aeadKeyset, String indexKeyset) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            KeysetHandle aeadKeys = TinkJsonProtoKeysetFormat.parseKeyset(aeadKeyset, InsecureSecretKeyAccess.get());
            this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.primaryKeyId = aeadKeys.getPrimary().getId();
            this.index = TinkJsonProtoKeysetFormat.parseKeyset(indexKeyset, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the personal data keysets cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The instance, for JPA attribute converters and entity callbacks, which Hibernate makes itself (not CDI), and
     * for the entity's queries.
     */
    public static PersonalDataCipher current() {
        return Arc.container().instance(PersonalDataCipher.class).get();
    }

    public String encrypt(String plaintext, String column) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ad(column));
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed for " + column, e);
        }
    }

    /** The plaintext; a value written before encryption came (no prefix) is returned as it is. */
    public String decrypt(String stored, String column) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(aead.decrypt(sealed, ad(column)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value itself in the message: it is an applicant's
            throw new IllegalStateException("a stored " + column + " does not decrypt with the configured keys", e);
        }
    }

    /** Whether a stored value is encrypted under the primary key (false for plaintext and for an older key's). */
    public boolean isUnderPrimary(String stored) {
        if (stored == null) {
            return true;
        }
        if (!stored.startsWith(PREFIX)) {
            return false;
        }
        byte[] head = Base64.getDecoder().decode(stored.substring(PREFIX.length(), PREFIX.length() + 8));
        return head.length >= TINK_PREFIX && ByteBuffer.wrap(head, 1, 4).getInt() == primaryKeyId;
    }

    /** The NIK's blind index: 64 hex characters, the same for the same NIK under the same index key. */
    public String blindIndex(String nik) {
        try {
            return HexFormat.of().formatHex(index.computePrimary(nik.getBytes(StandardCharsets.UTF_8), 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private static byte[] ad(String column) {
        return ("application." + column).getBytes(StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the personal data keyset " + file + " cannot be read", e);
        }
    }
}
