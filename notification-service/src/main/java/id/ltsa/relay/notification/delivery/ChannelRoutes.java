package id.ltsa.relay.notification.delivery;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.DeliveryChannel;
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
 * modem goes to the gateway only once the modem has reported that it could not send it: one message per transition
 * across all channels.
 */
@ApplicationScoped
class ChannelRoutes {

    static final Set<ApplicationStatus> CANNOT_WAIT = Set.of(ApplicationStatus.RECEIVED, ApplicationStatus.DELAYED);
    /** After this many modem failures (no credit, no network) a message waits for the internet instead. */
    static final int MODEM_TRIES = 3;

    sealed interface Route {}

    record Send(DeliveryChannel channel) implements Route {}

    record Modem() implements Route {}

    record Wait(Instant until) implements Route {}

    private final UpstreamReachability upstream;
    private final ModemHealth modem;

    ChannelRoutes(UpstreamReachability upstream, ModemHealth modem) {
        this.upstream = upstream;
        this.modem = modem;
    }

    Route choose(Notification notification, Recipient recipient) {
        DeliveryChannel channel = notification.channel == null || notification.channel == DeliveryChannel.LOCAL_SMS
                ? DeliveryChannel.of(recipient.channel)
                : notification.channel;
        Upstream way = Upstream.of(channel);
        boolean silent = upstream.isSilent(way);
        // the modem's health is only read when it matters
        boolean modemMayTakeIt = !notification.mayHaveLeftByInternet() && notification.modemFailures < MODEM_TRIES;
        return decide(
                channel,
                notification.transition,
                modemMayTakeIt,
                silent,
                silent && modemMayTakeIt && modem.usable(),
                upstream.recheckAt(way));
    }

    /**
     * The rule itself, apart from where its facts come from. {@code modemMayTakeIt} is false once the internet may
     * already have the message (a call that may have arrived, or one still in flight) or the modem failed it too often.
     */
    static Route decide(
            DeliveryChannel channel,
            ApplicationStatus transition,
            boolean modemMayTakeIt,
            boolean upstreamSilent,
            boolean modemUsable,
            Instant recheckAt) {
        if (!upstreamSilent) {
            return new Send(channel);
        }
        if (CANNOT_WAIT.contains(transition) && modemMayTakeIt && modemUsable) {
            return new Modem();
        }
        return new Wait(recheckAt);
    }
}
