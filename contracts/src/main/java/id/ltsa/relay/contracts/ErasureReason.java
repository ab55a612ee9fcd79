package id.ltsa.relay.contracts;

/** Why an applicant's personal data was erased (UU 27/2022 on personal data protection). */
public enum ErasureReason {
    /** The configured retention after the application's final status ran out. */
    RETENTION,
    /** The ministry asked for it (the applicant's request, or an order). */
    REQUEST
}
