package id.ltsa.relay.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs development tokens (RS256) with the claims the contract names (sub, office, groups, exp), and the audience
 * and issue time every service checks (aud, iat).
 */
public final class DevTokens {

    /** The issuer every service expects of a development token (mp.jwt.verify.issuer). */
    public static final String ISSUER = "https://ltsa-relay.local/dev";
    /** The audience every LTSA Relay service expects (mp.jwt.verify.audiences): a token minted for another is refused. */
    public static final String AUDIENCE = "ltsa-relay";
    /** A working day: what every service allows since a token's iat (mp.jwt.verify.token.age). */
    public static final Duration MAX_AGE = Duration.ofHours(8);

    /** The key id of the development key, in each token's header and in its JWKS ({@link DevKeys#jwks}). */
    public static final String KEY_ID = "ltsa-dev";

    private final DevKeys keys;
    private final String keyId;

    public DevTokens(DevKeys keys) {
        this(keys, KEY_ID);
    }

    /** Tokens signed with {@code keys} under {@code keyId}, as after a rotation of the signing key. */
    public DevTokens(DevKeys keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    public String token(String office, String role) {
        return token(office, role, MAX_AGE);
    }

    public String token(String office, String role, Duration validFor) {
        return token(office, role, validFor, AUDIENCE, Instant.now());
    }

    /** A token for {@code audience}, issued at {@code issuedAt} and valid for {@code validFor} from then. */
    public String token(String office, String role, Duration validFor, String audience, Instant issuedAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(role + "-" + (office == null ? "all" : office));
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(validFor).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        if (office != null) {
            claims.setClaim("office", office);
        }
        claims.setStringListClaim("groups", List.of(role));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
