package id.ltsa.relay.notification.delivery;

/** The services beyond the office's uplink that carry messages: the messaging gateway and the SMTP relay. */
enum Upstream {
    GATEWAY,
    SMTP;

    static Upstream of(String channel) {
        return "EMAIL".equals(channel) ? SMTP : GATEWAY;
    }
}
