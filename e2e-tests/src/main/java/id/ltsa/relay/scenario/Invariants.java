package id.ltsa.relay.scenario;

import java.util.ArrayList;
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
        List<String[]> rows = new ArrayList<>();
        rows.add(row("applications accepted (201)", accepted));
        rows.add(row("POSTs refused", refused));
        rows.add(row("applications at central", atCentral));
        rows.add(row("duplicate creates at central", duplicateCreates));
        rows.add(row("messages per applicant per transition", messagesPerTransition));
        rows.add(row("central calls during the outage (probes)", centralCallsDuringOutage));
        rows.add(row("creates at central during the outage", createsDuringOutage));
        if (drainRatePerSecond > 0) {
            rows.add(row("drain rate", String.format(Locale.ROOT, "%.1f/s of %.0f/s configured (%.0f %%)",
                    drainRatePerSecond, configuredRatePerSecond, 100 * drainRatePerSecond / configuredRatePerSecond)));
            rows.add(row("link UP to empty backlog", String.format(Locale.ROOT, "%.1f s",
                    secondsFromUpToEmptyBacklog)));
            rows.add(row("oldest-first: most places out of order", maxOrderDisplacement));
        }
        rows.add(row("link-down alerts / recovery alerts", linkDownAlerts + " / " + linkRestoredAlerts));
        rows.add(row("consumer lag afterwards (records)", consumerLagAfter));
        rows.add(row("broken promises", broken.isEmpty() ? "none" : String.join("; ", broken)));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        StringBuilder table = new StringBuilder("== " + scenario + " ==\n");
        for (String[] r : rows) {
            table.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", r[0], r[1]));
        }
        return table.toString();
    }

    private static String[] row(String name, Object value) {
        return new String[] {name, String.valueOf(value)};
    }
}
