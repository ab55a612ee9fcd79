package id.ltsa.relay.http.tokens;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of the JWT parser Quarkus verifies every bearer token with, so every REST API of
 * the office services gets it without a line in its own code. A decorator rather than an identity provider of our own:
 * the parser's checks, their configuration and the security identity built from the token all stay Quarkus's.
 */
@Decorator
@Priority(1)
abstract class TokenVerificationCache implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    VerifiedTokens tokens;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens.verified(token, parser::parse);
    }
}
