package id.ltsa.relay.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one office-offline round proved, as numbers, and the promises it found broken (none, or it failed). */
public record OfficeOfflineInvariants(
        String scenario,
        int accepted,
        long atCentralOnce,
        long duplicateCreates,
        long createsWhileCut,
        long slowestToldSeconds,
        int receivedByModem,
        int delayedByModem,
        int submittedByGateway,
        int maxMessagesPerTransition,
        int transitionsOnTwoChannels,
        String cekAnswer,
        String alertSms,
        String alertSmsPerContact,
        String recoverySmsPerContact,
        int emailsWhileCut,
        int linkDownEmails,
        int recoveryEmails,
        String diagnosis,
        double secondsToDrain,
        List<String> broken) {

    public boolean holds() {
        return broken.isEmpty();
    }

    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("applications accepted while cut off (201)", accepted));
        rows.add(row("at central exactly once / duplicate creates", atCentralOnce + " / " + duplicateCreates));
        rows.add(row("creates at central while cut off", createsWhileCut));
        rows.add(row("diagnosis while cut off", diagnosis));
        rows.add(row("RECEIVED by modem / DELAYED by modem / SUBMITTED by gateway",
                receivedByModem + " / " + delayedByModem + " / " + submittedByGateway));
        rows.add(row("slowest RECEIVED+DELAYED by modem after the POST", slowestToldSeconds + " s"));
        rows.add(row("most messages per applicant per transition", maxMessagesPerTransition));
        rows.add(row("transitions sent on two channels", transitionsOnTwoChannels));
        rows.add(row("CEK answer", cekAnswer));
        rows.add(row("alert SMS per contact: link down / recovery", alertSmsPerContact + " / " + recoverySmsPerContact));
        rows.add(row("alert SMS", alertSms));
        rows.add(row("emails while cut off", emailsWhileCut));
        rows.add(row("emails after: link-down / recovery", linkDownEmails + " / " + recoveryEmails));
        rows.add(row("internet back to all submitted", String.format(Locale.ROOT, "%.1f s", secondsToDrain)));
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
