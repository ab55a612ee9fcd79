package id.ltsa.relay.contracts;

/** How an applicant wants to hear about their application. */
public enum NotificationChannel {
    WHATSAPP,
    SMS,
    EMAIL
}
