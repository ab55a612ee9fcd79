package id.ltsa.relay.notification.modem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one writer of gammu's {@code outbox} table. A message is put there in the caller's transaction, together with
 * the record that it went to the modem: both happen or neither does, so a crash can neither lose the handover nor
 * make it twice. gammu only sees the row once that transaction commits.
 */
@ApplicationScoped
public class ModemOutbox {

    private final EntityManager entityManager;
    private final ModemSettings settings;
    private final ModemHealth health;

    ModemOutbox(EntityManager entityManager, ModemSettings settings, ModemHealth health) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.health = health;
    }

    /** Whether this office has a modem at all (gammu's tables are there); it may still be gone for a while. */
    public boolean present() {
        return health.current().present();
    }

    /**
     * Queues one SMS for the modem.
     *
     * @return gammu's id for it, which it keeps when it moves the message to {@code sentitems}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(String number, String text) {
        String sms = Gsm7.oneSms(text);
        // gammu's times are zoneless and compared with its session clock, which runs in UTC (see GammuSchema)
        Number id = (Number) entityManager.createNativeQuery("""
                INSERT INTO gammu.outbox ("DestinationNumber", "TextDecoded", "Coding", "CreatorID", "DeliveryReport",
                    "InsertIntoDB", "SendingDateTime", "SendingTimeOut")
                VALUES (?1, ?2, ?3, ?4, 'no', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
                    now() AT TIME ZONE 'UTC')
                RETURNING "ID"
                """)
                .setParameter(1, number).setParameter(2, sms).setParameter(3, Gsm7.coding(sms))
                .setParameter(4, settings.creatorId())
                .getSingleResult();
        return id.intValue();
    }
}
