package id.ltsa.relay.intake.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cipher's rules with real Tink keysets: what is stored, what a rotation keeps readable, what it re-encrypts. */
class PersonalDataCipherTest {

    static final String NIK = "5203010504950001";
    static KeysetHandle first;
    static String index;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        AeadConfig.register();
        PrfConfig.register();
        first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        index = json(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
    }

    @Test
    void a_value_is_stored_encrypted_differently_each_time_and_reads_back() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(json(first), index);
        String once = cipher.encrypt(NIK, "nik");
        String twice = cipher.encrypt(NIK, "nik");
        assertTrue(once.startsWith("v1:"));
        assertFalse(once.contains(NIK));
        assertNotEquals(once, twice, "a fresh nonce every time: equal NIKs are not equal ciphertexts");
        assertEquals(NIK, cipher.decrypt(once, "nik"));
        assertTrue(cipher.isUnderPrimary(once));
    }

    @Test
    void a_ciphertext_moved_to_another_column_does_not_decrypt() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(json(first), index);
        String phone = cipher.encrypt("+6281234567890", "phone");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cipher.decrypt(phone, "email"));
        assertFalse(refused.getMessage().contains("6281234567890"), "the value is never in the message");
    }

    @Test
    void after_a_rotation_old_values_still_read_and_are_marked_for_re_encryption_under_the_new_primary()
            throws Exception {
        String underFirst = new PersonalDataCipher(json(first), index).encrypt(NIK, "nik");
        // Tinkey's add-key then promote-key: the old key stays, to decrypt; the new one encrypts
        KeysetHandle rotated = KeysetHandle.newBuilder(first)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId())
                .build();
        int newKey = rotated.getAt(rotated.size() - 1).getId();
        KeysetHandle.Builder promote = KeysetHandle.newBuilder(rotated);
        promote.getAt(rotated.size() - 1).makePrimary();
        rotated = promote.build();
        assertEquals(newKey, rotated.getPrimary().getId());
        PersonalDataCipher after = new PersonalDataCipher(json(rotated), index);

        assertEquals(NIK, after.decrypt(underFirst, "nik"));
        assertFalse(after.isUnderPrimary(underFirst));
        String again = after.encrypt(after.decrypt(underFirst, "nik"), "nik");
        assertTrue(after.isUnderPrimary(again));
        assertThrows(
                IllegalStateException.class,
                () -> new PersonalDataCipher(json(first), index).decrypt(again, "nik"),
                "the old keyset alone cannot read what the new key wrote");
    }

    @Test
    void plaintext_written_before_encryption_reads_as_it_is_and_needs_encrypting() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(json(first), index);
        assertEquals(NIK, cipher.decrypt(NIK, "nik"));
        assertFalse(cipher.isUnderPrimary(NIK));
        assertTrue(cipher.isUnderPrimary(null));
        assertEquals(null, cipher.encrypt(null, "email"));
    }

    @Test
    void the_blind_index_is_the_same_for_the_same_nik_and_says_nothing_of_it() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(json(first), index);
        String a = cipher.blindIndex(NIK);
        assertEquals(a, cipher.blindIndex(NIK));
        assertNotEquals(a, cipher.blindIndex("5203010504950002"));
        assertTrue(a.matches("[0-9a-f]{64}"));
        String otherKey = json(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
        assertNotEquals(
                a,
                new PersonalDataCipher(json(first), otherKey).blindIndex(NIK),
                "without the index key a NIK cannot be tried against the index");
    }

    private static String json(KeysetHandle keys) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get());
    }
}
