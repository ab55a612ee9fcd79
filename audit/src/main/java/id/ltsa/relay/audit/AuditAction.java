package id.ltsa.relay.audit;

/**
 * What a caller did, as the audit trail names it: every read, list or change of an application's data, and every
 * operation that changes how applications flow. One list for all services, so a query across them uses one
 * vocabulary.
 */
public enum AuditAction {
    APPLICATION_LIST,
    APPLICATION_READ,
    APPLICATION_AMEND,
    APPLICATION_WITHDRAW,
    APPLICATION_ERASE,
    SUBMISSION_RETRY,
    LINK_PAUSE,
    LINK_RESUME,
    NOTIFICATIONS_READ,
    MODEM_MESSAGES_READ,
    AUDIT_READ
}
