package id.ltsa.relay.http.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** When a verified token may be used again without its signature being checked, and when it must be checked afresh. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final VerifiedTokens tokens =
            new VerifiedTokens(clock, Optional.of(Duration.ofHours(8).toSeconds()));
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void the_same_token_again_is_not_checked_again_within_a_minute() throws Exception {
        JsonWebToken jwt = token(START.minusSeconds(60), START.plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.verified("a.b.c", countingVerifier(jwt));
        clock.move(Duration.ofSeconds(59));
        JsonWebToken second = tokens.verified("a.b.c", countingVerifier(jwt));

        assertSame(first, second);
        assertEquals(1, checks.get());
    }

    @Test
    void after_a_minute_it_is_checked_afresh() throws Exception {
        JsonWebToken jwt = token(START.minusSeconds(60), START.plus(Duration.ofHours(1)));
        tokens.verified("a.b.c", countingVerifier(jwt));

        clock.move(VerifiedTokens.LONGEST);
        tokens.verified("a.b.c", countingVerifier(jwt));

        assertEquals(2, checks.get());
    }

    @Test
    void a_token_is_never_used_past_its_expiry_on_the_strength_of_an_earlier_check() throws Exception {
        JsonWebToken jwt = token(START.minusSeconds(60), START.plusSeconds(10));
        tokens.verified("a.b.c", countingVerifier(jwt));

        clock.move(Duration.ofSeconds(10));
        ParseException refused = assertThrows(
                ParseException.class,
                () -> tokens.verified("a.b.c", token -> {
                    throw new ParseException("expired");
                }));

        assertEquals("expired", refused.getMessage());
        assertFalse(tokens.keeps("a.b.c"), "the expired token is not kept");
    }

    @Test
    void nor_past_its_maximum_age() throws Exception {
        JsonWebToken jwt = token(START.minus(Duration.ofHours(8)).plusSeconds(5), START.plus(Duration.ofHours(1)));
        tokens.verified("a.b.c", countingVerifier(jwt));

        clock.move(Duration.ofSeconds(5));
        tokens.verified("a.b.c", countingVerifier(jwt));

        assertEquals(2, checks.get(), "checked again once the token is eight hours old");
    }

    @Test
    void a_refused_token_is_not_kept_and_costs_a_full_check_each_time() {
        for (int i = 0; i < 2; i++) {
            assertThrows(
                    ParseException.class,
                    () -> tokens.verified("forged", token -> {
                        checks.incrementAndGet();
                        throw new ParseException("bad signature");
                    }));
        }
        assertEquals(2, checks.get());
        assertFalse(tokens.keeps("forged"));
    }

    @Test
    void another_text_is_another_token() throws Exception {
        JsonWebToken jwt = token(START.minusSeconds(60), START.plus(Duration.ofHours(1)));
        tokens.verified("a.b.c", countingVerifier(jwt));

        assertThrows(
                ParseException.class,
                () -> tokens.verified("a.b.C", token -> {
                    throw new ParseException("bad signature");
                }));
        assertTrue(tokens.keeps("a.b.c"));
        assertFalse(tokens.keeps("a.b.C"));
    }

    private VerifiedTokens.Verifier countingVerifier(JsonWebToken jwt) {
        return token -> {
            checks.incrementAndGet();
            return jwt;
        };
    }

    private static JsonWebToken token(Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = Map.of("iat", issuedAt.getEpochSecond(), "exp", expiresAt.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "5203";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
