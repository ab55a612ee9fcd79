package id.ltsa.relay.localstack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signs development tokens (RS256) with the claims the contract names: sub, office, groups, exp. */
public final class DevTokens {

    /** The issuer every service expects of a development token (mp.jwt.verify.issuer). */
    public static final String ISSUER = "https://ltsa-relay.local/dev";

    private final DevKeys keys;

    public DevTokens(DevKeys keys) {
        this.keys = keys;
    }

    public String token(String office, String role) {
        return token(office, role, Duration.ofHours(12));
    }

    public String token(String office, String role, Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(role + "-" + (office == null ? "all" : office));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validFor.toSeconds() / 60f);
        claims.setJwtId(UUID.randomUUID().toString());
        if (office != null) {
            claims.setClaim("office", office);
        }
        claims.setStringListClaim("groups", List.of(role));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setKeyIdHeaderValue("ltsa-dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
