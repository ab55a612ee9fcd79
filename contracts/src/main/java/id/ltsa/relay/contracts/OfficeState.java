package id.ltsa.relay.contracts;

/**
 * How the ministry sees one office, from what reaches it (status events, link events and MirrorMaker's heartbeats).
 * A cut-off office cannot report that it is cut off: only its silence shows it.
 */
public enum OfficeState {
    /** Heard from recently, with its central link up. */
    OK,
    /** Heard from recently, and reporting its central link DOWN. */
    LINK_DOWN,
    /** Nothing heard for {@code ltsa.fleet.silent-after} (15 min by default): the office is likely cut off. */
    SILENT,
    /** In the registry of expected offices, and never heard from at all. */
    NEVER_SEEN;

    /** Red first on the ministry's page: what needs someone's attention. */
    public boolean needsAttention() {
        return this != OK;
    }
}
