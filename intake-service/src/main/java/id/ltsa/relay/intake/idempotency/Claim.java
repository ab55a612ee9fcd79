package id.ltsa.relay.intake.idempotency;

/** What an Idempotency-Key allows the request to do. */
public sealed interface Claim {

    /** The key is new (or abandoned): go ahead, then complete it in the same transaction. */
    record Proceed(String officeCode, String key, String requestHash) implements Claim {}

    /** The key answered before: answer the same again. */
    record Replay(int status, String body, String location) implements Claim {}
}
