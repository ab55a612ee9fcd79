package id.ltsa.relay.http.tokens;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

class VerifiedTokensProducer {

    /** @param maxAgeSeconds the parser's maximum age of a token (RFC 8725), which a kept token must respect too */
    @Produces
    @Singleton // no client proxy: VerifiedTokens is final
    VerifiedTokens verifiedTokens(
            Clock clock, @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        return new VerifiedTokens(clock, maxAgeSeconds.map(Duration::ofSeconds));
    }
}
