package id.ltsa.relay.notification.decision;

import id.ltsa.relay.contracts.NotificationChannel;

/**
 * The way a message goes: one of the applicant's channels (the contracts' {@link NotificationChannel}), or the office
 * modem, which is not a channel an applicant chooses but the way out while the internet is gone.
 */
public enum DeliveryChannel {
    WHATSAPP,
    SMS,
    EMAIL,
    /** The office's GSM modem, through gammu. */
    LOCAL_SMS;

    public static DeliveryChannel of(NotificationChannel chosen) {
        return valueOf(chosen.name());
    }

    /** A text message, by the gateway or the modem, so it is kept short. */
    public boolean isSms() {
        return this == SMS || this == LOCAL_SMS;
    }
}
