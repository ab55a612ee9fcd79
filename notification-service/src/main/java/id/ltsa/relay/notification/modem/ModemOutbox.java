package id.ltsa.relay.notification.modem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one writer of gammu's {@code outbox} table. A message is put there in the caller's transaction, together with
 * the record that it went to the modem: both happen or neither does, so a crash can neither lose the handover nor
 * make it twice. gammu only sees the row once that transaction commits. (What the modem then does is gammu's: the
 * local stack runs it with {@code maxretries = 0}, so gammu never resends on its own; see ModemReceipts.)
 */
@ApplicationScoped
public class ModemOutbox {

    private final EntityManager entityManager;
    private final ModemConfig settings;
    private final ModemHealth health;

    ModemOutbox(EntityManager entityManager, ModemConfig settings, ModemHealth health) {
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
        // gammu's times are zoneless and compared with its clock, which runs in UTC (see GammuTime)
        Number id = (Number) entityManager
                .createNativeQuery("""
                INSERT INTO gammu.outbox ("DestinationNumber", "TextDecoded", "Coding", "CreatorID", "DeliveryReport",
                    "UpdatedInDB", "InsertIntoDB", "SendingDateTime", "SendingTimeOut")
                VALUES (?1, ?2, 'Default_No_Compression', ?3, 'no', now() AT TIME ZONE 'UTC',
                    now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
                RETURNING "ID"
                """)
                .setParameter(1, number)
                .setParameter(2, sms)
                .setParameter(3, settings.creatorId())
                .getSingleResult();
        return id.intValue();
    }
}
