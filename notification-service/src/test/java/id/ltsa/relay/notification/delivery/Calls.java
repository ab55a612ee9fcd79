package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.notification.decision.DeliveryChannel;
import id.ltsa.relay.notification.decision.Notification;

/** A call as the sender makes it, for tests that record its outcome or let go of its claim themselves. */
final class Calls {

    private Calls() {}

    /** An SMS call for {@code message}, its {@code attempt}-th, under the claim the message holds. */
    static Channels.Outgoing of(Notification message, int attempt) {
        return new Channels.Outgoing(
                message.id,
                message.applicationId,
                DeliveryChannel.SMS,
                "+6281200000001",
                null,
                new MessageRenderer.Rendered("messages/" + message.transition + ".id", null, "test"),
                null,
                attempt,
                message.nextAttemptAt);
    }
}
