package id.ltsa.relay.simulator;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In DOWN mode, closes every connection to the central API before any HTTP answer, the way a dead link leaves a
 * client with a reset or a timeout rather than a polite 503. Runs ahead of the REST layer for that reason.
 */
@ApplicationScoped
class DeadLinkFilter {

    private final ModeSwitch modes;
    private final CentralRegistry registry;

    DeadLinkFilter(ModeSwitch modes, CentralRegistry registry) {
        this.modes = modes;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        router.route("/central/*").order(Integer.MIN_VALUE).handler(context -> {
            if (modes.isDown()) {
                registry.countDropped();
                context.request().connection().close();
            } else {
                context.next();
            }
        });
    }
}
