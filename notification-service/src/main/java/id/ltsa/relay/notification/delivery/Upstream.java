package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.notification.decision.DeliveryChannel;

/** The services beyond the office's uplink that carry messages: the messaging gateway and the SMTP relay. */
enum Upstream {
    GATEWAY,
    SMTP;

    static Upstream of(DeliveryChannel channel) {
        return channel == DeliveryChannel.EMAIL ? SMTP : GATEWAY;
    }
}
