package id.ltsa.relay.contracts;

import java.util.List;

/**
 * Kafka topic names. The record key on every topic is the application id (the link topic has no application; the
 * fleet topic is keyed by office code).
 */
public final class Topics {

    public static final String APPLICATIONS = "ltsa.applications";
    /**
     * notification-service's view of an application before central: how to reach the applicant (contact-recorded),
     * and the withdrawn and erased events again. Never the NIK or the rest of the snapshot.
     */
    public static final String APPLICANT_CONTACTS = "ltsa.applicant-contacts";

    public static final String APPLICATION_STATUS = "ltsa.application-status";
    public static final String CENTRAL_LINK = "ltsa.central-link";
    public static final String APPLICATIONS_DLQ = "ltsa.applications.dlq";
    /** intake-service's unreadable records of the status and link topics (its inbox's dead letters). */
    public static final String INTAKE_DLQ = "ltsa.intake-service.dlq";
    /**
     * notification-service's unreadable records of the contacts, status and link topics (its inbox's dead letters):
     * a copy of an applicant-contacts record may hold contact details.
     */
    public static final String NOTIFICATION_DLQ = "ltsa.notification-service.dlq";
    /** Every dead-letter topic of an office, each a service's records it could not read: ops watch them all. */
    public static final List<String> DEAD_LETTERS = List.of(APPLICATIONS_DLQ, INTAKE_DLQ, NOTIFICATION_DLQ);
    /** On the ministry's cluster: ministry-watch's office states, keyed by office code. */
    public static final String FLEET_OFFICE_STATE = "ltsa.fleet.office-state";

    private Topics() {}
}
