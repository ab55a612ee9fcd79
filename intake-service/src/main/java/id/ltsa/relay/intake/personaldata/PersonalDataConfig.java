package id.ltsa.relay.intake.personaldata;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Where the keys that protect applicants' data at rest are: two Tink JSON keysets, kept apart from the database (a
 * stolen backup of the database alone reveals nothing). No default in production: a start without them fails.
 */
@ConfigMapping(prefix = "ltsa.personal-data")
public interface PersonalDataConfig {

    /** AEAD keyset (AES256_GCM): encrypts NIK, phone and email. Rotation: add a key, make it primary (see docs). */
    Path keysetFile();

    /** PRF keyset (HMAC_SHA256_PRF): the NIK's blind index, for the one-open-application check. */
    Path indexKeysetFile();
}
