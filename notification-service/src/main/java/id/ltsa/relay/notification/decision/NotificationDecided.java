package id.ltsa.relay.notification.decision;

/** Fired when a message was decided; observed after commit to wake the sender at once. */
public record NotificationDecided() {}
