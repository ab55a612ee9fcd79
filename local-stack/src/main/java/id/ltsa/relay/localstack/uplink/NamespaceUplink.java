package id.ltsa.relay.localstack.uplink;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream in a network namespace of its own, reached from the office (this machine's own namespace) through a veth
 * pair: the uplink. Cutting it drops every packet that reaches upstream through it (an nftables rule inside the
 * upstream namespace), so connections hang unanswered in both directions, as with a dead ISP, rather than being
 * refused. A second veth pair, the control link, is never cut: the harness reads upstream's counters over it.
 *
 * <pre>
 *   office (this machine)                          upstream namespace ltsa-PID-N
 *   services ── 10.231.X.1 ═══ uplink veth ═══ 10.231.X.2 ── simulator (central API, gateway, SMTP)
 *   harness  ── 10.231.X.5 ─── control veth ── 10.231.X.6 ──┘
 * </pre>
 *
 * Only namespaces and addresses this class made carry traffic, and {@link #close()} removes them (the kernel lets a
 * namespace go once no process is left inside it: the stack stops the simulator first). A namespace whose owner
 * died is removed at the next start and by {@code ltsa down}.
 */
public final class NamespaceUplink implements Uplink {

    private static final String CUT_TABLE = "ltsa_uplink_cut";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern OURS = Pattern.compile("ltsa-(\\d+)-(\\d+)");

    private final String namespace;
    private final String upstreamDevice;
    private final int subnet;
    private final String simulatorControlUrl;
    private final boolean owned;

    private NamespaceUplink(String namespace, String upstreamDevice, int subnet, String simulatorControlUrl,
            boolean owned) {
        this.namespace = namespace;
        this.upstreamDevice = upstreamDevice;
        this.subnet = subnet;
        this.simulatorControlUrl = simulatorControlUrl;
        this.owned = owned;
    }

    /**
     * Makes the namespace and both veth pairs, or says why it cannot (not root, no iproute2 or nftables, namespaces
     * refused by the kernel); {@code why} hears the reason.
     */
    public static Optional<NamespaceUplink> create(int simulatorPort, Consumer<String> why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            why.accept("not root, so no network namespace can be made");
            return Optional.empty();
        }
        if (!Net.run("nft", "--version").ok()) {
            why.accept("nftables (the nft command) is not installed: apt-get install -y nftables");
            return Optional.empty();
        }
        removeLeftovers();
        long pid = ProcessHandle.current().pid();
        int n = COUNTER.incrementAndGet();
        String namespace = "ltsa-" + pid + "-" + n;
        String suffix = Long.toString(pid, 36) + n;
        String officeUplink = "lto" + suffix;
        String upstreamUplink = "ltu" + suffix;
        String harnessControl = "ltc" + suffix;
        String upstreamControl = "lts" + suffix;
        int subnet = freeSubnet();
        try {
            Net.must("ip", "netns", "add", namespace);
            Net.must("ip", "link", "add", officeUplink, "type", "veth", "peer", "name", upstreamUplink);
            Net.must("ip", "link", "add", harnessControl, "type", "veth", "peer", "name", upstreamControl);
            Net.must("ip", "link", "set", upstreamUplink, "netns", namespace);
            Net.must("ip", "link", "set", upstreamControl, "netns", namespace);
            Net.must("ip", "addr", "add", address(subnet, 1) + "/30", "dev", officeUplink);
            Net.must("ip", "addr", "add", address(subnet, 5) + "/30", "dev", harnessControl);
            Net.must("ip", "link", "set", officeUplink, "up");
            Net.must("ip", "link", "set", harnessControl, "up");
            inside(namespace, "ip", "addr", "add", address(subnet, 2) + "/30", "dev", upstreamUplink);
            inside(namespace, "ip", "addr", "add", address(subnet, 6) + "/30", "dev", upstreamControl);
            inside(namespace, "ip", "link", "set", upstreamUplink, "up");
            inside(namespace, "ip", "link", "set", upstreamControl, "up");
            inside(namespace, "ip", "link", "set", "lo", "up");
        } catch (IllegalStateException e) {
            Net.run("ip", "netns", "delete", namespace);
            Net.run("ip", "link", "delete", officeUplink);
            Net.run("ip", "link", "delete", harnessControl);
            why.accept("the network namespace could not be made: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new NamespaceUplink(namespace, upstreamUplink, subnet,
                "http://" + address(subnet, 6) + ":" + simulatorPort, true));
    }

    /** The uplink another process made, to cut or restore it. */
    static NamespaceUplink attach(String namespace, String upstreamDevice, String simulatorControlUrl) {
        return new NamespaceUplink(namespace, upstreamDevice, -1, simulatorControlUrl, false);
    }

    @Override
    public String upstreamAddress() {
        return address(subnet, 2);
    }

    @Override
    public String controlAddress() {
        return address(subnet, 6);
    }

    @Override
    public String officeAddress() {
        return address(subnet, 1);
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
        Net.Result result = Net.run(List.of("ip", "netns", "exec", namespace, "nft", "-f", "-"), """
                table inet %s {
                  chain input {
                    type filter hook input priority 0; policy accept;
                    iifname "%s" drop
                  }
                }
                """.formatted(CUT_TABLE, upstreamDevice));
        if (!result.ok()) {
            throw new IllegalStateException("Cannot cut the uplink: " + result.output());
        }
    }

    @Override
    public synchronized void restore() {
        if (isCut()) {
            inside(namespace, "nft", "delete", "table", "inet", CUT_TABLE);
        }
    }

    @Override
    public boolean isCut() {
        return Net.run("ip", "netns", "exec", namespace, "nft", "list", "tables").output().contains(CUT_TABLE);
    }

    @Override
    public String description() {
        return "upstream in network namespace " + namespace + " (" + upstreamAddress() + "), behind a veth uplink";
    }

    @Override
    public UplinkRecord record() {
        return new UplinkRecord(UplinkRecord.NAMESPACE, namespace, upstreamDevice, simulatorControlUrl);
    }

    /** Removes the namespace, and with it both veth pairs; processes still inside must be stopped first. */
    @Override
    public void close() {
        if (owned) {
            Net.run("ip", "netns", "delete", namespace);
        }
    }

    /** Namespaces a killed stack left behind: named after a process that is gone. */
    public static void removeLeftovers() {
        for (String line : Net.run("ip", "netns", "list").output().split("\n")) {
            Matcher ours = OURS.matcher(line.trim().split("\\s+")[0]);
            if (ours.matches() && ProcessHandle.of(Long.parseLong(ours.group(1))).filter(ProcessHandle::isAlive)
                    .isEmpty()) {
                Net.run("ip", "netns", "delete", ours.group(0));
            }
        }
    }

    /** A third octet under 10.231/16 that no address of this machine uses yet. */
    private static int freeSubnet() {
        String addresses = Net.run("ip", "-o", "-4", "addr", "show").output();
        for (int candidate = (int) (ProcessHandle.current().pid() % 200); ; candidate = (candidate + 1) % 256) {
            if (!addresses.contains("10.231." + candidate + ".")) {
                return candidate;
            }
        }
    }

    private static String address(int subnet, int host) {
        return "10.231." + subnet + "." + host;
    }

    private static void inside(String namespace, String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        Net.must(full);
    }
}
