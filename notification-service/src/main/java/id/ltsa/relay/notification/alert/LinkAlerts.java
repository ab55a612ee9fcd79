package id.ltsa.relay.notification.alert;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.notification.backlog.Backlog;
import id.ltsa.relay.notification.modem.ModemOutbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells people who can act when the link to the central API stays down: once when an outage passes the threshold,
 * once more when it ends. A blip shorter than the threshold bothers nobody. Two ways, because the office's own
 * internet may be what is down: an SMS through the office modem to each SMS contact (handed to gammu in the deciding
 * transaction), and an email to each email contact, sent when it can be. The link row is locked while deciding, so
 * two instances (or a link event racing the periodic check) decide each alert once.
 */
@ApplicationScoped
public class LinkAlerts {

    private static final Logger LOG = Logger.getLogger(LinkAlerts.class);

    private final AlertConfig settings;
    private final AlertText text;
    private final Backlog backlog;
    private final ModemOutbox modem;
    private final Clock clock;

    LinkAlerts(AlertConfig settings, AlertText text, Backlog backlog, ModemOutbox modem, Clock clock) {
        this.settings = settings;
        this.text = text;
        this.backlog = backlog;
        this.modem = modem;
        this.clock = clock;
    }

    /** Applies a link event; call inside the transaction that records the event as processed. */
    public void linkChanged(CentralLinkChanged event) {
        CentralLinkView link = CentralLinkView.findById(CentralLinkView.ONLY, LockModeType.PESSIMISTIC_WRITE);
        if (event.since().isBefore(link.since)) {
            return; // an older change, delivered late
        }
        if (LinkState.DOWN.name().equals(link.state) && event.state() == LinkState.UP) {
            restored(link, event.since());
        }
        link.state = event.state().name();
        link.since = event.since();
        link.lastError = event.lastError();
        link.diagnosis = event.diagnosis() == null ? null : event.diagnosis().name();
        link.updatedAt = clock.instant();
    }

    @Scheduled(every = "${ltsa.alerts.check-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void checkLongOutage() {
        CentralLinkView link = CentralLinkView.findById(CentralLinkView.ONLY, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!LinkState.DOWN.name().equals(link.state)
                || Duration.between(link.since, now).compareTo(settings.linkDownThreshold()) < 0
                || LinkAlert.count("kind = ?1 and episodeSince = ?2", LinkAlert.LINK_DOWN, link.since) > 0) {
            return;
        }
        LinkDiagnosis diagnosis = link.diagnosis == null ? null : LinkDiagnosis.valueOf(link.diagnosis);
        List<Backlog.OfficeBacklog> waiting = backlog.byOffice();
        decide(
                LinkAlert.LINK_DOWN,
                link.since,
                text.linkDown(link.since, now, link.lastError, diagnosis, waiting),
                text.linkDownSms(link.since, now, diagnosis, waiting));
    }

    /** Sends the all-clear when people were alerted, or when the outage was long but ended before anyone was. */
    private void restored(CentralLinkView link, Instant upSince) {
        boolean alerted = LinkAlert.count("kind = ?1 and episodeSince = ?2", LinkAlert.LINK_DOWN, link.since) > 0;
        if (!alerted && Duration.between(link.since, upSince).compareTo(settings.linkDownThreshold()) < 0) {
            return;
        }
        // a link-down email still waiting for the internet would now only confuse: the recovery email says it all
        long superseded = LinkAlert.update(
                "status = ?1 where kind = ?2 and episodeSince = ?3 and status = ?4",
                LinkAlert.SUPERSEDED,
                LinkAlert.LINK_DOWN,
                link.since,
                LinkAlert.PENDING);
        if (superseded > 0) {
            LOG.infof(
                    "%d link-down email(s) for the outage since %s never left; the recovery email replaces them",
                    superseded, link.since);
        }
        List<Backlog.OfficeBacklog> waiting = backlog.byOffice();
        decide(
                LinkAlert.LINK_RESTORED,
                link.since,
                text.linkRestored(link.since, upSince, waiting),
                text.linkRestoredSms(link.since, upSince, waiting));
    }

    private void decide(String kind, Instant episodeSince, AlertText.Message email, String sms) {
        Set<String> emails = emailContacts();
        List<String> phones = modem.present() ? settings.smsContacts().orElse(List.of()) : List.of();
        if (emails.isEmpty() && phones.isEmpty()) {
            LOG.warnf(
                    "Central link alert %s for the outage since %s has no contacts to go to: set ltsa.alerts.*",
                    kind, episodeSince);
            return;
        }
        if (!modem.present() && settings.smsContacts().isPresent()) {
            LOG.warnf("Central link alert %s: no office modem, so the SMS contacts cannot be told", kind);
        }
        for (String contact : emails) {
            LinkAlert alert = alert(kind, episodeSince, LinkAlert.EMAIL, contact, email.subject(), email.body());
            alert.status = LinkAlert.PENDING;
            alert.persist();
        }
        for (String phone : phones) {
            LinkAlert alert = alert(kind, episodeSince, LinkAlert.LOCAL_SMS, phone, kind, sms);
            // into gammu's outbox in this very transaction: decided and handed to the modem together, or neither
            alert.modemMessageId = modem.queue(phone, sms);
            alert.status = LinkAlert.MODEM;
            alert.attempts = 1;
            alert.persist();
        }
        LOG.infof(
                "Central link alert %s decided for the outage since %s: %d email(s), %d SMS",
                kind, episodeSince, emails.size(), phones.size());
    }

    private LinkAlert alert(
            String kind, Instant episodeSince, String channel, String recipient, String subject, String body) {
        Instant now = clock.instant();
        LinkAlert alert = new LinkAlert();
        alert.id = UUID.randomUUID();
        alert.kind = kind;
        alert.episodeSince = episodeSince;
        alert.channel = channel;
        alert.recipient = recipient;
        alert.subject = subject;
        alert.body = body;
        alert.nextAttemptAt = now;
        alert.createdAt = now;
        return alert;
    }

    private Set<String> emailContacts() {
        Set<String> contacts = new LinkedHashSet<>(settings.opsContacts().orElse(List.of()));
        contacts.addAll(settings.officeContacts().values());
        return contacts;
    }
}
