package id.ltsa.relay.contracts;

/** Whether submission-service can currently reach the central API. */
public enum LinkState {
    UP,
    DOWN
}
