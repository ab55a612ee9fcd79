package id.ltsa.relay.broker;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * An office service's login to the closed office broker (issue 16, ADR 0006): its own user, named in its
 * application.properties, and the password it is given as {@code LTSA_KAFKA_PASSWORD}. The Kafka connector reads the
 * login through {@code kafka.sasl.jaas.config} (this module's microprofile-config.properties), but only as an optional
 * setting: a missing password would surface, after the database migrations, as Kafka's "Login module not specified in
 * JAAS config". Mapped here, the password is required, so a service without it stops at once, naming
 * {@code ltsa.kafka.password}.
 */
@ConfigMapping(prefix = "ltsa.kafka")
public interface BrokerLoginConfig {

    String username();

    String password();

    /** Injects the login, which is what has SmallRye Config check it before anything starts (an unused mapping is not). */
    @ApplicationScoped
    class AtStartup {

        private static final Logger LOG = Logger.getLogger(BrokerLoginConfig.class);

        void log(@Observes StartupEvent start, BrokerLoginConfig login) {
            LOG.infof("Logging in to the office broker as %s", login.username());
        }
    }
}
