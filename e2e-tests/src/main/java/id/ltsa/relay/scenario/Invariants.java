package id.ltsa.relay.scenario;

import java.util.List;
import java.util.Locale;

/**
 * What one scenario run proved, as numbers, and the promises it found broken (none, or the run failed). The table is
 * what the demo prints and what the closing notes quote.
 */
public record Invariants(
        String scenario,
        int accepted,
        int refused,
        long atCentral,
        long duplicateCreates,
        String messagesPerTransition,
        long centralCallsDuringOutage,
        long createsDuringOutage,
        double drainRatePerSecond,
        double configuredRatePerSecond,
        double secondsFromUpToEmptyBacklog,
        int maxOrderDisplacement,
        int linkDownAlerts,
        int linkRestoredAlerts,
        long consumerLagAfter,
        List<String> broken) {

    public boolean holds() {
        return broken.isEmpty();
    }

    public String table() {
        InvariantTable table = new InvariantTable(scenario)
                .row("applications accepted (201)", accepted)
                .row("POSTs refused", refused)
                .row("applications at central", atCentral)
                .row("duplicate creates at central", duplicateCreates)
                .row("messages per applicant per transition", messagesPerTransition)
                .row("central calls during the outage (probes)", centralCallsDuringOutage)
                .row("creates at central during the outage", createsDuringOutage);
        if (drainRatePerSecond > 0) {
            table.row(
                            "drain rate",
                            String.format(
                                    Locale.ROOT,
                                    "%.1f/s of %.0f/s configured (%.0f %%)",
                                    drainRatePerSecond,
                                    configuredRatePerSecond,
                                    100 * drainRatePerSecond / configuredRatePerSecond))
                    .row("link UP to empty backlog", String.format(Locale.ROOT, "%.1f s", secondsFromUpToEmptyBacklog))
                    .row("oldest-first: most places out of order", maxOrderDisplacement);
        }
        return table.row("link-down alerts / recovery alerts", linkDownAlerts + " / " + linkRestoredAlerts)
                .row("consumer lag afterwards (records)", consumerLagAfter)
                .withBroken(broken);
    }
}
