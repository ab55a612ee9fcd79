package id.ltsa.relay.notification.decision;

/** Where a message is: decided and waiting, at the office modem, out, or given up. */
public enum NotificationStatus {
    /** Decided, not out yet: waiting for its turn, its contact details, or the way out. */
    PENDING,
    /** Handed to the office modem; SENT once gammu reports it sent, PENDING again if the modem failed it. */
    MODEM,
    SENT,
    FAILED;

    /** As the API and the contract show it: at the modem is still pending to the applicant. */
    public NotificationStatus published() {
        return this == MODEM ? PENDING : this;
    }
}
