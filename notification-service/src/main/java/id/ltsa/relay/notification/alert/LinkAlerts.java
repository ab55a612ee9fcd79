package id.ltsa.relay.notification.alert;

import id.ltsa.relay.contracts.CentralLinkChanged;
import id.ltsa.relay.contracts.LinkState;
import id.ltsa.relay.notification.backlog.Backlog;
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
 * once more when it ends. A blip shorter than the threshold bothers nobody. The link row is locked while deciding, so
 * two instances (or a link event racing the periodic check) decide each alert once.
 */
@ApplicationScoped
public class LinkAlerts {

    private static final Logger LOG = Logger.getLogger(LinkAlerts.class);

    private final AlertSettings settings;
    private final AlertText text;
    private final Backlog backlog;
    private final Clock clock;

    LinkAlerts(AlertSettings settings, AlertText text, Backlog backlog, Clock clock) {
        this.settings = settings;
        this.text = text;
        this.backlog = backlog;
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
        AlertText.Message message = text.linkDown(link.since, now, link.lastError, backlog.byOffice());
        decide(LinkAlert.LINK_DOWN, link.since, message);
    }

    /** Sends the all-clear when people were alerted, or when the outage was long but ended before anyone was. */
    private void restored(CentralLinkView link, Instant upSince) {
        boolean alerted = LinkAlert.count("kind = ?1 and episodeSince = ?2", LinkAlert.LINK_DOWN, link.since) > 0;
        if (!alerted && Duration.between(link.since, upSince).compareTo(settings.linkDownThreshold()) < 0) {
            return;
        }
        decide(LinkAlert.LINK_RESTORED, link.since, text.linkRestored(link.since, upSince, backlog.byOffice()));
    }

    private void decide(String kind, Instant episodeSince, AlertText.Message message) {
        Set<String> contacts = contacts();
        if (contacts.isEmpty()) {
            LOG.warnf("Central link alert %s for the outage since %s has no contacts to go to: set ltsa.alerts.*",
                    kind, episodeSince);
            return;
        }
        Instant now = clock.instant();
        for (String contact : contacts) {
            LinkAlert alert = new LinkAlert();
            alert.id = UUID.randomUUID();
            alert.kind = kind;
            alert.episodeSince = episodeSince;
            alert.recipient = contact;
            alert.subject = message.subject();
            alert.body = message.body();
            alert.status = LinkAlert.PENDING;
            alert.nextAttemptAt = now;
            alert.createdAt = now;
            alert.persist();
        }
        LOG.infof("Central link alert %s decided for the outage since %s: %d contacts", kind, episodeSince,
                contacts.size());
    }

    private Set<String> contacts() {
        Set<String> contacts = new LinkedHashSet<>(settings.opsContacts().orElse(List.of()));
        contacts.addAll(settings.officeContacts().values());
        return contacts;
    }
}
