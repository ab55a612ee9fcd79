package id.ltsa.relay.notification.modem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * Whether the office modem can be used, read from gammu's {@code phones} table (signal, battery, last contact) and its
 * queue. Read at most once every few seconds, however often a sender or Prometheus asks.
 */
@ApplicationScoped
public class ModemHealth {

    private static final Logger LOG = Logger.getLogger(ModemHealth.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final EntityManager entityManager;
    private final ModemConfig settings;
    private final Clock clock;
    private volatile ModemStatus last = ModemStatus.ABSENT;
    private volatile Instant readAt = Instant.MIN;
    private volatile boolean schemaSeen;

    ModemHealth(EntityManager entityManager, ModemConfig settings, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        gauge(
                registry,
                "ltsa.modem.up",
                "1 while gammu reports the office modem, 0 when it is gone or absent",
                status -> status.up() ? 1 : 0);
        gauge(
                registry,
                "ltsa.modem.signal.percent",
                "The modem's signal strength as gammu reports it",
                status -> status.signalPercent() == null ? Double.NaN : status.signalPercent());
        gauge(
                registry,
                "ltsa.modem.battery.percent",
                "The modem's battery (100 on mains power)",
                status -> status.batteryPercent() == null ? Double.NaN : status.batteryPercent());
        gauge(
                registry,
                "ltsa.modem.last.contact.age.seconds",
                "Seconds since gammu last refreshed the modem's status",
                status -> status.lastContactAgeSeconds() == null ? Double.NaN : status.lastContactAgeSeconds());
        gauge(registry, "ltsa.modem.queued", "SMS waiting in gammu's outbox", ModemStatus::queued);
        gauge(registry, "ltsa.modem.sent", "SMS the modem has sent since gammu started", ModemStatus::sent);
        gauge(registry, "ltsa.modem.received", "SMS the modem has received since gammu started", ModemStatus::received);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ModemStatus> value) {
        Gauge.builder(name, this, health -> value.applyAsDouble(health.current()))
                .description(description)
                .register(registry);
    }

    /** Whether a message handed to the modem now would leave soon: a modem that is gone gets nothing new. */
    public boolean usable() {
        return current().up();
    }

    /**
     * Whether this office has a modem to work with (switched on, gammu's tables installed), without reading its status:
     * asked before every round of the modem's periodic work, which would otherwise read gammu's tables each time.
     */
    public boolean present() {
        return settings.enabled() && (schemaSeen || current().present());
    }

    public ModemStatus current() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            last = read(now);
            readAt = now;
        }
        return last;
    }

    private ModemStatus read(Instant now) {
        if (!settings.enabled()) {
            return ModemStatus.ABSENT;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> readPhone(now));
        } catch (RuntimeException e) {
            LOG.debugf("Modem status unreadable: %s", e.getMessage());
            schemaSeen = false; // asked again, so present() says absent while gammu's tables cannot be read
            return ModemStatus.ABSENT;
        }
    }

    private ModemStatus readPhone(Instant now) {
        if (!schemaSeen) {
            Object table = entityManager
                    .createNativeQuery("SELECT to_regclass('gammu.phones')::text")
                    .getSingleResult();
            if (table == null) {
                return ModemStatus.ABSENT;
            }
            schemaSeen = true;
        }
        long queued = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM gammu.outbox")
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> phones = entityManager.createNativeQuery("""
                SELECT "Signal", "Battery", "UpdatedInDB" AT TIME ZONE 'UTC', "NetName", "Sent", "Received"
                FROM gammu.phones ORDER BY "UpdatedInDB" DESC LIMIT 1""").getResultList();
        if (phones.isEmpty()) {
            return new ModemStatus(true, false, null, null, null, null, null, 0, 0, queued);
        }
        Object[] phone = phones.get(0);
        Instant contact = GammuTime.toInstant(phone[2]);
        long age = Math.max(0, Duration.between(contact, now).toSeconds());
        boolean up = Duration.ofSeconds(age).compareTo(settings.goneAfter()) < 0;
        return new ModemStatus(
                true,
                up,
                ((Number) phone[0]).intValue(),
                ((Number) phone[1]).intValue(),
                contact,
                age,
                (String) phone[3],
                ((Number) phone[4]).longValue(),
                ((Number) phone[5]).longValue(),
                queued);
    }
}
