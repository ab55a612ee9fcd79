package id.ltsa.relay.http;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: an office, which sees only its own applications, or the ministry or ops,
 * which see every office's (an endpoint's {@code @RolesAllowed} says who may call at all). Another office's
 * application is answered exactly as a missing one.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean isMinistry() {
        return token.getGroups().contains("ministry");
    }

    /** The caller's 4-digit BPS regency code; empty for the ministry. */
    public Optional<String> office() {
        Object office = token.getClaim("office");
        return Optional.ofNullable(office).map(Object::toString).filter(code -> code.matches("\\d{4}"));
    }

    /** The office an application is registered for: always the token's, never the body's. */
    public String requireOffice() {
        return office().orElseThrow(() -> new ProblemException(HttpProblems.officeRequired()));
    }

    /** Whether this caller may see an application of {@code officeCode}. */
    public boolean maySee(String officeCode) {
        return isMinistry()
                || token.getGroups().contains("ops")
                || office().map(officeCode::equals).orElse(false);
    }
}
