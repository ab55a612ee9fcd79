package id.ltsa.relay.localstack.uplink;

import java.util.List;

/**
 * The office's internet connection as the local stack models it: everything upstream (the central API simulator with
 * its messaging gateway and SMTP sink) sits behind it, and it can be cut and restored while the stack runs. Counter to
 * intake, and everything else on the office server, never crosses it.
 */
public interface Uplink extends AutoCloseable {

    /** The address office services use to reach upstream. */
    String upstreamAddress();

    /**
     * The address the test harness and people use for the simulator's own controls ({@code /sim/*}): never cut, so a
     * test can still look at what upstream saw while the office cannot reach it.
     */
    String controlAddress();

    /** The address upstream uses to call the office back (central's callbacks to submission-service). */
    String officeAddress();

    /** Put in front of an upstream process's command line, e.g. to start it inside its network namespace. */
    List<String> launchPrefix();

    /** Every upstream connection now hangs unanswered, as with a dead ISP. */
    void cut();

    void restore();

    boolean isCut();

    /** Said to people when the stack starts, including what was not possible. */
    String description();

    /** What `ltsa uplink` needs to find this uplink from another process. */
    UplinkRecord record();

    @Override
    void close();
}
