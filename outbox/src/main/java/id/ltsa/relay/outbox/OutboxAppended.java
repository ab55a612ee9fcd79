package id.ltsa.relay.outbox;

/** Fired when an event joins the outbox; observed after commit to wake the relay at once. */
record OutboxAppended() {}
