package id.ltsa.relay.notification.modem;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the modem's periodic work where there is no modem (switched off, or gammu's tables are not installed). */
@Singleton
public class ModemAbsent implements Scheduled.SkipPredicate {

    private final ModemHealth health;

    ModemAbsent(ModemHealth health) {
        this.health = health;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !health.present();
    }
}
