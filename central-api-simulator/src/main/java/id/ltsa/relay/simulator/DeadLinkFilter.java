package id.ltsa.relay.simulator;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In DOWN mode, closes every connection to the central API before any HTTP answer, the way a dead link leaves a
 * client with a reset or a timeout rather than a polite 503; with the uplink cut ({@link UplinkSwitch}), the gateway's
 * connections too. Runs ahead of the REST layer for that reason.
 */
@ApplicationScoped
class DeadLinkFilter {

    private final ModeSwitch modes;
    private final UplinkSwitch uplink;
    private final CentralRegistry registry;

    DeadLinkFilter(ModeSwitch modes, UplinkSwitch uplink, CentralRegistry registry) {
        this.modes = modes;
        this.uplink = uplink;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        router.route("/central/*").order(Integer.MIN_VALUE).handler(context -> {
            if (modes.isDown() || uplink.isCut()) {
                registry.countDropped();
                context.request().connection().close();
            } else {
                context.next();
            }
        });
        router.route("/gateway/*").order(Integer.MIN_VALUE).handler(context -> {
            if (uplink.isCut()) {
                context.request().connection().close();
            } else {
                context.next();
            }
        });
    }
}
