package id.ltsa.relay.scenario;

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
        return new InvariantTable(scenario)
                .row("applications accepted while cut off (201)", accepted)
                .row("at central exactly once / duplicate creates", atCentralOnce + " / " + duplicateCreates)
                .row("creates at central while cut off", createsWhileCut)
                .row("diagnosis while cut off", diagnosis)
                .row(
                        "RECEIVED by modem / DELAYED by modem / SUBMITTED by gateway",
                        receivedByModem + " / " + delayedByModem + " / " + submittedByGateway)
                .row("slowest RECEIVED+DELAYED by modem after the POST", slowestToldSeconds + " s")
                .row("most messages per applicant per transition", maxMessagesPerTransition)
                .row("transitions sent on two channels", transitionsOnTwoChannels)
                .row("CEK answer", cekAnswer)
                .row("alert SMS per contact: link down / recovery", alertSmsPerContact + " / " + recoverySmsPerContact)
                .row("alert SMS", alertSms)
                .row("emails while cut off", emailsWhileCut)
                .row("emails after: link-down / recovery", linkDownEmails + " / " + recoveryEmails)
                .row("internet back to all submitted", String.format(Locale.ROOT, "%.1f s", secondsToDrain))
                .withBroken(broken);
    }
}
