package id.ltsa.relay.notification.decision;

import java.util.List;

/**
 * Fired in the transaction that decided a message, so the sender can claim it right there (see NotificationSender).
 *
 * @param notification the message just decided, not yet written
 * @param others the application's messages decided before it, as the decision read them
 * @param recipient the application's row as the decision locked it: who to tell, if the contact details have come
 */
public record NotificationDecided(Notification notification, List<Notification> others, Recipient recipient) {}
