package id.ltsa.relay.scenario;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ltsa.relay.scenario.Applicants.Applicant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The office goes dark: its own internet is cut (every upstream connection hangs, the central API, the messaging
 * gateway, the SMTP relay at once), and the office goes on. Counters register applications; applicants hear RECEIVED
 * and DELAYED through the office's GSM modem; an applicant asks "CEK" by SMS and is answered; the people upstream get
 * one SMS each; no email leaves. Then the internet returns: everything drains, each application is created once at
 * central, SUBMITTED goes by the gateway, and no transition goes on two channels. Checked from outside, over the
 * APIs people use. Used by the end-to-end suite and by {@code ./ltsa demo office-offline}.
 */
public final class OfficeOfflineScenario {

    public static final String OFFICE = "5203";
    /** ltsa.alerts.sms-contacts of the run: the office head, the district Disnaker, the ministry's duty phone. */
    public static final List<String> SMS_CONTACTS = List.of("+6281100005203", "+6281100005200", "+6281100000911");

    public static final String OPS_CONTACT = OutageScenario.OPS_CONTACT;
    /** Status labels and message phrases, as the Bahasa Indonesia templates say them. */
    static final String DELAYED_LABEL = "Tersimpan aman, akan dikirim otomatis saat jaringan pulih";

    /** The outage compressed into minutes, and who is told by SMS. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(OutageScenario.compressedTime());
        settings.put("LTSA_ALERTS_SMS_CONTACTS", String.join(",", SMS_CONTACTS));
        settings.put("LTSA_ALERTS_OFFICE_CODE", OFFICE);
        settings.put("LTSA_NOTIFICATION_UPSTREAM_RECHECK", "10s");
        return Map.copyOf(settings);
    }

    /** Messages an applicant gets, told apart by what the Bahasa Indonesia templates say. */
    enum Told {
        RECEIVED("Kode lacak"),
        DELAYED("tersimpan aman"),
        SUBMITTED("sudah dikirim ke pusat");

        final String phrase;

        Told(String phrase) {
            this.phrase = phrase;
        }
    }

    /** One application registered while the office was dark. */
    public record Registered(Applicant applicant, String id, String trackingCode, Instant at) {}

    /** The applications of one round, for a hook that acts while the office is dark (a crash under test). */
    public final class Run {

        private final List<Registered> registered = new ArrayList<>();

        public void register(int count) {
            for (int i = 0; i < count; i++) {
                Applicant applicant = applicants.next(OFFICE);
                Relay.Answer answer = relay.register(OFFICE, applicant.body());
                if (answer.status() != 201) {
                    throw new IllegalStateException(
                            "the office could not register while dark: " + answer.status() + " " + answer.body());
                }
                registered.add(new Registered(
                        applicant,
                        answer.body().path("id").asText(),
                        answer.body().path("trackingCode").asText(),
                        Instant.now()));
            }
        }

        public List<Registered> registered() {
            return List.copyOf(registered);
        }
    }

    private final Relay relay;
    private final Applicants applicants;
    private final Consumer<String> narrator;

    public OfficeOfflineScenario(Relay relay, Applicants applicants, Consumer<String> narrator) {
        this.relay = relay;
        this.applicants = applicants;
        this.narrator = narrator;
    }

    /**
     * One round: {@code applications} registered with the uplink cut; {@code whileDark} (may be null) runs once they
     * are registered; each applicant must hear RECEIVED and DELAYED by the modem within {@code toldWithin} of their
     * registration.
     */
    public OfficeOfflineInvariants dark(String name, int applications, Duration toldWithin, Consumer<Run> whileDark) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> relay.backlog().path("pending").asInt() == 0
                        && "UP".equals(relay.backlog().path("linkState").asText()));
        List<String> broken = new ArrayList<>();
        JsonNode centralBefore = relay.centralStats();
        int gatewayBefore = relay.messages().size();
        int emailsBefore = relay.emailsTo(OPS_CONTACT).size();
        Map<String, Integer> smsBefore = new LinkedHashMap<>();
        SMS_CONTACTS.forEach(contact ->
                smsBefore.put(contact, relay.modemMessages(contact, "out").size()));

        narrator.accept("The office's own internet is cut: central, the gateway and SMTP all stop answering.");
        relay.cutUplink();
        Run run = new Run();
        run.register(applications);
        narrator.accept(applications + " applications registered at the counter: every POST answered 201.");
        if (whileDark != null) {
            whileDark.accept(run);
        }

        long slowest = 0;
        for (Registered application : run.registered()) {
            Instant told = awaitToldByModem(application, toldWithin.plusSeconds(60));
            long seconds = Duration.between(application.at(), told).toSeconds();
            slowest = Math.max(slowest, seconds);
            if (told.isAfter(application.at().plus(toldWithin))) {
                broken.add(application.id() + " heard RECEIVED and DELAYED by modem after " + seconds + " s");
            }
        }
        narrator.accept("Each applicant heard RECEIVED (with the tracking code) and DELAYED by the office modem,"
                + " the slowest " + slowest + " s after registering.");

        String cekAnswer = ask(run.registered().get(0), broken);
        narrator.accept("An applicant sent \"CEK\" by SMS and was answered: \"" + cekAnswer + "\"");

        JsonNode view =
                relay.application(OFFICE, run.registered().get(0).id()).body().path("centralLink");
        if (!"DOWN".equals(view.path("state").asText())
                || !"UPLINK_DOWN".equals(view.path("diagnosis").asText())) {
            broken.add("the counter's view of the link: " + view);
        }
        String diagnosis = relay.backlog().path("diagnosis").asText();
        narrator.accept("The counter sees the link " + view.path("state").asText() + " (" + diagnosis
                + "): it can tell the applicant the application goes by itself when the connection returns.");

        Map<String, String> alertSms = new LinkedHashMap<>();
        for (String contact : SMS_CONTACTS) {
            JsonNode sms = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> relay.modemMessages(contact, "out"),
                            items -> items.size() > smsBefore.get(contact)
                                    && items.get(0).path("status").asText().startsWith("SendingOK"));
            alertSms.put(contact, sms.get(0).path("text").asText());
        }
        narrator.accept("People upstream were told by SMS: \"" + alertSms.get(SMS_CONTACTS.get(0)) + "\"");
        int emailsDuringCut = relay.emailsTo(OPS_CONTACT).size() - emailsBefore;
        int gatewayDuringCut = relay.messages().size() - gatewayBefore;
        if (emailsDuringCut != 0 || gatewayDuringCut != 0) {
            broken.add(emailsDuringCut + " emails and " + gatewayDuringCut + " gateway messages left while cut off");
        }
        long createsWhileCut = relay.centralStats().path("uniqueApplications").asLong()
                - centralBefore.path("uniqueApplications").asLong();

        narrator.accept("The office's internet is back.");
        Instant restored = Instant.now();
        relay.restoreUplink();
        for (Registered application : run.registered()) {
            await().atMost(Duration.ofSeconds(180))
                    .pollDelay(Duration.ZERO) // one application after another: most are there at the first look
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> "SUBMITTED"
                            .equals(relay.application(OFFICE, application.id())
                                    .body()
                                    .path("status")
                                    .asText()));
        }
        double drained = Duration.between(restored, Instant.now()).toMillis() / 1000.0;
        narrator.accept(String.format("All %d submitted %.1f s after the internet came back.", applications, drained));
        long created = 0;
        for (Registered application : run.registered()) {
            int creates =
                    relay.centralApplication(application.id()).path("creates").asInt();
            created += creates == 1 ? 1 : 0;
            if (creates != 1) {
                broken.add(application.id() + " created " + creates + " times at central");
            }
        }
        int[] alertsPerContact = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0}; // down min/max, up min/max
        for (String contact : SMS_CONTACTS) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> relay.modemMessages(contact, "out").size() >= smsBefore.get(contact) + 2);
            JsonNode all = relay.modemMessages(contact, "out");
            int down = 0;
            int up = 0;
            for (int i = 0; i < all.size() - smsBefore.get(contact); i++) { // newest first: this round's
                String text = all.get(i).path("text").asText();
                down += text.contains("sejak") ? 1 : 0;
                up += text.contains("pulih") ? 1 : 0;
            }
            if (down != 1 || up != 1) {
                broken.add(contact + " got " + down + " link-down and " + up + " recovery SMS, expected 1 each");
            }
            alertsPerContact[0] = Math.min(alertsPerContact[0], down);
            alertsPerContact[1] = Math.max(alertsPerContact[1], down);
            alertsPerContact[2] = Math.min(alertsPerContact[2], up);
            alertsPerContact[3] = Math.max(alertsPerContact[3], up);
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> subjects(emailsBefore).stream().anyMatch(subject -> subject.contains("pulih")));
        Messages told = countMessages(run.registered(), broken);
        narrator.accept("SUBMITTED went by the gateway; recovery SMS to each contact; the recovery email to ops.");

        List<String> emails = subjects(emailsBefore);
        int downEmails = (int)
                emails.stream().filter(subject -> subject.contains("terputus")).count();
        int upEmails = (int)
                emails.stream().filter(subject -> subject.contains("pulih")).count();
        if (upEmails != 1 || downEmails > 1) {
            broken.add(downEmails + " link-down and " + upEmails + " recovery emails");
        }
        return new OfficeOfflineInvariants(
                name,
                run.registered().size(),
                created,
                relay.centralStats().path("duplicateCreates").asLong(),
                createsWhileCut,
                slowest,
                told.received,
                told.delayed,
                told.submitted,
                told.maxPerTransition,
                told.onTwoChannels,
                cekAnswer,
                alertSms.get(SMS_CONTACTS.get(0)),
                range(alertsPerContact[0], alertsPerContact[1]),
                range(alertsPerContact[2], alertsPerContact[3]),
                emailsDuringCut,
                downEmails,
                upEmails,
                diagnosis,
                drained,
                broken);
    }

    private static String range(int min, int max) {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }

    /** When the applicant had heard both RECEIVED and DELAYED by the modem (gammu reported them sent). */
    private Instant awaitToldByModem(Registered application, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode log = relay.notifications(OFFICE, application.id());
            return sentByModem(log, "RECEIVED") && sentByModem(log, "DELAYED");
        });
        Instant latest = Instant.MIN;
        for (JsonNode notification : relay.notifications(OFFICE, application.id())) {
            Instant sent = Instant.parse(notification.path("sentAt").asText());
            latest = sent.isAfter(latest) ? sent : latest;
        }
        return latest;
    }

    private static boolean sentByModem(JsonNode log, String transition) {
        for (JsonNode notification : log) {
            if (transition.equals(notification.path("transition").asText())
                    && "LOCAL_SMS".equals(notification.path("channel").asText())
                    && "SENT".equals(notification.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    /** "CEK" from someone's phone, for the first application: the label and the initials come back by modem. */
    private String ask(Registered application, List<String> broken) {
        String asker = "+6285" + application.applicant().phone().substring(6);
        relay.smsToTheOffice(
                asker, "cek " + application.trackingCode().substring(3).toLowerCase());
        JsonNode answers = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> relay.modemMessages(asker, "out"),
                        items -> !items.isEmpty()
                                && items.get(0).path("status").asText().startsWith("SendingOK"));
        String answer = answers.get(0).path("text").asText();
        if (!answer.contains(application.trackingCode())
                || !answer.contains(DELAYED_LABEL)
                || !answer.contains("(D. H.)")
                || answer.contains("Darwan")) {
            broken.add("the CEK answer: " + answer);
        }
        return answer;
    }

    private List<String> subjects(int after) {
        List<String> subjects = new ArrayList<>();
        JsonNode emails = relay.emailsTo(OPS_CONTACT);
        for (int i = after; i < emails.size(); i++) {
            subjects.add(emails.get(i).path("subject").asText());
        }
        return subjects;
    }

    /** What each applicant was told, over every channel together. */
    record Messages(int received, int delayed, int submitted, int maxPerTransition, int onTwoChannels) {}

    private Messages countMessages(List<Registered> registered, List<String> broken) {
        Map<String, Registered> byPhone = new HashMap<>();
        registered.forEach(application -> byPhone.put(application.applicant().phone(), application));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> registered.stream().allMatch(application -> gatewayTexts(application).stream()
                        .anyMatch(text -> text.contains(Told.SUBMITTED.phrase))));
        int received = 0;
        int delayed = 0;
        int submitted = 0;
        int max = 0;
        int twoChannels = 0;
        for (Registered application : registered) {
            List<String> byModem = new ArrayList<>();
            relay.modemMessages(application.applicant().phone(), "out")
                    .forEach(sms -> byModem.add(sms.path("text").asText()));
            List<String> byGateway = gatewayTexts(application);
            for (Told kind : Told.values()) {
                long modem = byModem.stream()
                        .filter(text -> text.contains(kind.phrase))
                        .count();
                long gateway = byGateway.stream()
                        .filter(text -> text.contains(kind.phrase))
                        .count();
                max = (int) Math.max(max, modem + gateway);
                if (modem > 0 && gateway > 0) {
                    twoChannels++;
                }
                if (modem + gateway != 1) {
                    broken.add(application.id() + " told " + kind + " " + modem + " times by modem and " + gateway
                            + " by the gateway");
                }
                boolean expectedByModem = kind != Told.SUBMITTED;
                if ((expectedByModem ? modem : gateway) == 1) {
                    switch (kind) {
                        case RECEIVED -> received++;
                        case DELAYED -> delayed++;
                        case SUBMITTED -> submitted++;
                        default -> {}
                    }
                }
            }
        }
        return new Messages(received, delayed, submitted, max, twoChannels);
    }

    private List<String> gatewayTexts(Registered application) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : relay.messages()) {
            if (application.applicant().phone().equals(message.path("to").asText())) {
                texts.add(message.path("text").asText());
            }
        }
        return texts;
    }
}
