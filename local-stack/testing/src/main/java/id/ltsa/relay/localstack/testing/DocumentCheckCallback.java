package id.ltsa.relay.localstack.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Before each {@code @QuarkusTest} method, points {@link AnswersMatchTheDocument} at the running service's own
 * document: /q/openapi on its management port, or on its HTTP port where it has no management interface. Registered
 * through META-INF/services, so every REST test of every service is checked without asking for it.
 */
public final class DocumentCheckCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Config config = ConfigProvider.getConfig();
        boolean management = config.getOptionalValue("quarkus.management.enabled", Boolean.class)
                .orElse(false);
        int documentPort = management
                ? config.getOptionalValue("quarkus.management.test-port", Integer.class)
                        .orElse(9001)
                : config.getValue("quarkus.http.test-port", Integer.class);
        AnswersMatchTheDocument.checkAnswersAgainst(
                URI.create("http://127.0.0.1:" + documentPort + "/q/openapi?format=json"));
    }
}
