package id.ltsa.relay.localstack.uplink;

import java.util.Arrays;
import java.util.List;

/**
 * One office's uplink into the {@link UpstreamNamespace}: a veth pair of its own. Cutting it drops every packet that
 * reaches upstream through it (an nftables rule inside the upstream namespace, on that office's end of the pair), so
 * connections hang unanswered in both directions, as with a dead ISP, rather than being refused; the other offices'
 * uplinks and the control link stay up.
 */
public final class NamespaceUplink implements Uplink {

    /** One table per office, so cutting one office leaves the others' uplinks alone. */
    private static final String CUT_TABLE_PREFIX = "ltsa_uplink_cut_";

    private final String namespace;
    private final String upstreamDevice;
    private final String officeAddress;
    private final String upstreamAddress;
    private final String controlAddress;
    private final String simulatorControlUrl;

    NamespaceUplink(
            String namespace,
            String upstreamDevice,
            String officeAddress,
            String upstreamAddress,
            String controlAddress,
            String simulatorControlUrl) {
        this.namespace = namespace;
        this.upstreamDevice = upstreamDevice;
        this.officeAddress = officeAddress;
        this.upstreamAddress = upstreamAddress;
        this.controlAddress = controlAddress;
        this.simulatorControlUrl = simulatorControlUrl;
    }

    /** The uplink another process made, to cut or restore it. */
    static NamespaceUplink attach(String namespace, String upstreamDevice, String simulatorControlUrl) {
        return new NamespaceUplink(namespace, upstreamDevice, null, null, null, simulatorControlUrl);
    }

    @Override
    public String upstreamAddress() {
        return upstreamAddress;
    }

    @Override
    public String controlAddress() {
        return controlAddress;
    }

    @Override
    public String officeAddress() {
        return officeAddress;
    }

    @Override
    public List<String> launchPrefix() {
        return List.of("ip", "netns", "exec", namespace);
    }

    @Override
    public synchronized void cut() {
        if (isCut()) {
            return;
        }
        // input only: ARP is not IP, so neighbours stay resolved and the office sees silence, not "no route to host"
        Net.Result result = Net.run(
                List.of("ip", "netns", "exec", namespace, "nft", "-f", "-"), """
                table inet %s {
                  chain input {
                    type filter hook input priority 0; policy accept;
                    iifname "%s" drop
                  }
                }
                """.formatted(cutTable(), upstreamDevice));
        if (!result.ok()) {
            throw new IllegalStateException("Cannot cut the uplink: " + result.output());
        }
    }

    @Override
    public synchronized void restore() {
        if (isCut()) {
            UpstreamNamespace.inside(namespace, "nft", "delete", "table", "inet", cutTable());
        }
    }

    @Override
    public boolean isCut() {
        return Arrays.stream(Net.run("ip", "netns", "exec", namespace, "nft", "list", "tables")
                        .output()
                        .split("\n"))
                .map(String::trim)
                .anyMatch(("table inet " + cutTable())::equals);
    }

    private String cutTable() {
        return CUT_TABLE_PREFIX + upstreamDevice;
    }

    @Override
    public String description() {
        return "upstream in network namespace " + namespace + " (" + upstreamAddress() + "), behind a veth uplink";
    }

    @Override
    public UplinkRecord record() {
        return new UplinkRecord(UplinkRecord.NAMESPACE, namespace, upstreamDevice, simulatorControlUrl);
    }

    /** Nothing to remove: the pair goes with its {@link UpstreamNamespace}. */
    @Override
    public void close() {}
}
