package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.Notification;
import id.ltsa.relay.notification.decision.Recipient;
import id.ltsa.relay.notification.modem.ModemHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * Which way a message goes now. Over the internet by default, on the applicant's channel. When that upstream service
 * was just found silent (the office's uplink is the likely cause), what cannot wait goes by the office modem: RECEIVED
 * with its tracking code, and DELAYED, which tells the applicant their application is safe. Everything else waits for
 * the internet. A message that may already have reached the gateway never goes by the modem, and one handed to the
 * modem never goes to the gateway: one message per transition across all channels.
 */
@ApplicationScoped
class ChannelRoutes {

    static final String LOCAL_SMS = "LOCAL_SMS";
    static final Set<ApplicationStatus> CANNOT_WAIT = Set.of(ApplicationStatus.RECEIVED, ApplicationStatus.DELAYED);

    sealed interface Route {
    }

    record Send(String channel) implements Route {
    }

    record Modem() implements Route {
    }

    record Wait(Instant until) implements Route {
    }

    private final UpstreamReachability upstream;
    private final ModemHealth modem;

    ChannelRoutes(UpstreamReachability upstream, ModemHealth modem) {
        this.upstream = upstream;
        this.modem = modem;
    }

    Route choose(Notification notification, Recipient recipient) {
        String channel = notification.channel == null || LOCAL_SMS.equals(notification.channel) ? recipient.channel
                : notification.channel;
        Upstream way = Upstream.of(channel);
        boolean silent = upstream.isSilent(way);
        // the modem's health is only read when it matters
        return decide(channel, ApplicationStatus.valueOf(notification.transition),
                notification.gatewayMaybeDelivered, silent, silent && modem.usable(), upstream.recheckAt(way));
    }

    /** The rule itself, apart from where its facts come from. */
    static Route decide(String channel, ApplicationStatus transition, boolean gatewayMaybeDelivered,
            boolean upstreamSilent, boolean modemUsable, Instant recheckAt) {
        if (!upstreamSilent) {
            return new Send(channel);
        }
        if (CANNOT_WAIT.contains(transition) && !gatewayMaybeDelivered && modemUsable) {
            return new Modem();
        }
        return new Wait(recheckAt);
    }
}
