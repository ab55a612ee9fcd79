package id.ltsa.relay.http.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, by their exact text. A counter's system sends the same token with every request, and
 * checking its RSA signature each time was about 7 % of intake's CPU under load (docs/benchmarks.md, session 19).
 *
 * <p>A kept token is used only while it is still within its expiry ({@code exp}), its maximum age ({@code iat} plus
 * {@code mp.jwt.verify.token.age}) and a minute after it was verified, all read from the clock on each use; past any of
 * them it is verified afresh, with every check the parser makes. The minute bounds how long a key withdrawn from the
 * verification keys keeps working. A refused token is never kept, so it costs a full check every time, as before. Any
 * other text, a single character changed, is a different key and verified on its own. Caffeine (already in every
 * service) bounds how many are kept.
 */
@Singleton // no client proxy needed: one instance, thread-safe
public final class VerifiedTokens {

    /** The longest a verified token is trusted without being verified again. */
    static final Duration LONGEST = Duration.ofMinutes(1);

    static final int MOST_TOKENS = 1_000;

    /** The full check: the parser's signature, issuer, audience, expiry and age checks. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Kept(JsonWebToken token, Instant until) {}

    private final Cache<String, Kept> kept =
            Caffeine.newBuilder().maximumSize(MOST_TOKENS).build();
    private final Clock clock;
    private final Optional<Duration> maxAge;

    /** @param maxAgeSeconds the parser's maximum age of a token (RFC 8725), which a kept token must respect too */
    @Inject
    VerifiedTokens(Clock clock, @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        this.clock = clock;
        this.maxAge = maxAgeSeconds.map(Duration::ofSeconds);
    }

    public JsonWebToken verified(String token, Verifier verifier) throws ParseException {
        Instant now = clock.instant();
        Kept known = kept.getIfPresent(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.token();
            }
            kept.invalidate(token);
        }
        JsonWebToken fresh = verifier.verify(token);
        Instant until = until(fresh, now);
        if (now.isBefore(until)) {
            kept.put(token, new Kept(fresh, until));
        }
        return fresh;
    }

    /** Whether this exact token is kept now (for tests). */
    public boolean keeps(String token) {
        return kept.getIfPresent(token) != null;
    }

    private Instant until(JsonWebToken token, Instant verifiedAt) {
        Instant until = verifiedAt.plus(LONGEST);
        long expires = token.getExpirationTime();
        if (expires <= 0) {
            return verifiedAt; // no expiry claim: never kept (the parser refuses such a token anyway)
        }
        until = earlier(until, Instant.ofEpochSecond(expires));
        if (maxAge.isPresent()) {
            long issued = token.getIssuedAtTime();
            if (issued <= 0) {
                return verifiedAt;
            }
            until = earlier(until, Instant.ofEpochSecond(issued).plus(maxAge.get()));
        }
        return until;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
