package id.ltsa.relay.notification.decision;

/**
 * Fired in a transaction that made messages pending again outside a decision (the office modem failed them, or never
 * took them): once it commits, the sender looks for due messages at once rather than at its next look.
 *
 * @param count how many
 */
public record NotificationsRequeued(int count) {}
