package id.ltsa.relay.localstack.uplink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream, the internet as the offices see it, in a network namespace of its own: the central API simulators and the
 * whole ministry side run in it. Each office reaches it through a veth pair of its own, that office's uplink
 * ({@link #addOffice}), so cutting one office's uplink leaves every other office connected. A further veth pair, the
 * control link, is never cut: the harness and people read the simulators' counters and the ministry's page over it.
 *
 * <pre>
 *   this machine (the offices)                       upstream namespace ltsa-PID-N
 *   office 1 ── 10.231.X.1  ═══ uplink veth ═══ 10.231.X.2  ──┐
 *   harness  ── 10.231.X.5  ─── control veth ── 10.231.X.6  ──┤ simulators, ministry Kafka, MirrorMaker 2,
 *   office 2 ── 10.231.X.9  ═══ uplink veth ═══ 10.231.X.10 ──┤ ministry-watch
 *   office 3 ── 10.231.X.13 ═══ uplink veth ═══ 10.231.X.14 ──┘
 * </pre>
 *
 * Only namespaces and addresses this class made carry traffic, and {@link #close()} removes them (the kernel lets a
 * namespace go once no process is left inside it: the stack stops upstream's processes first). A namespace whose owner
 * died is removed at the next start and by {@code ltsa down}.
 */
public final class UpstreamNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern OURS = Pattern.compile("ltsa-(\\d+)-(\\d+)");
    /** Block 1 of the /24 (.5/.6) is the control link; offices take blocks 0, 2, 3, ... of four addresses each. */
    private static final int CONTROL_BLOCK = 1;

    private static final int MAX_OFFICES = 60;

    private final String name;
    private final String suffix;
    private final int subnet;
    private final List<NamespaceUplink> offices = new ArrayList<>();

    private UpstreamNamespace(String name, String suffix, int subnet) {
        this.name = name;
        this.suffix = suffix;
        this.subnet = subnet;
    }

    /**
     * Makes the namespace and its control link, or says why it cannot (not root, no iproute2 or nftables, namespaces
     * refused by the kernel); {@code why} hears the reason.
     */
    public static Optional<UpstreamNamespace> create(Consumer<String> why) {
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
        String name = "ltsa-" + pid + "-" + n;
        String suffix = Long.toString(pid, 36) + n;
        String harnessControl = "ltc" + suffix;
        String upstreamControl = "lts" + suffix;
        int subnet = freeSubnet();
        try {
            Net.must("ip", "netns", "add", name);
            link(name, harnessControl, upstreamControl, subnet, CONTROL_BLOCK);
            inside(name, "ip", "link", "set", "lo", "up");
        } catch (IllegalStateException e) {
            Net.run("ip", "netns", "delete", name);
            Net.run("ip", "link", "delete", harnessControl);
            why.accept("the network namespace could not be made: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new UpstreamNamespace(name, suffix, subnet));
    }

    /** A veth pair from this machine into the namespace, the /30 {@code block}: .1 on this side, .2 inside. */
    private static void link(String namespace, String hostEnd, String namespaceEnd, int subnet, int block) {
        Net.must("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", namespaceEnd);
        Net.must("ip", "link", "set", namespaceEnd, "netns", namespace);
        Net.must("ip", "addr", "add", address(subnet, block, 1) + "/30", "dev", hostEnd);
        Net.must("ip", "link", "set", hostEnd, "up");
        inside(namespace, "ip", "addr", "add", address(subnet, block, 2) + "/30", "dev", namespaceEnd);
        inside(namespace, "ip", "link", "set", namespaceEnd, "up");
    }

    /**
     * A new office's uplink into this namespace: its own veth pair and /30.
     *
     * @param simulatorPort the port of that office's central API simulator, for its {@code /sim/uplink} record
     */
    public synchronized NamespaceUplink addOffice(int simulatorPort) {
        int index = offices.size();
        if (index >= MAX_OFFICES) {
            throw new IllegalStateException("At most " + MAX_OFFICES + " offices share one upstream namespace");
        }
        int block = index == 0 ? 0 : index + 1;
        String officeEnd = "lto" + suffix + "x" + index;
        String upstreamEnd = "ltu" + suffix + "x" + index;
        link(name, officeEnd, upstreamEnd, subnet, block);
        NamespaceUplink uplink = new NamespaceUplink(
                name,
                upstreamEnd,
                address(subnet, block, 1),
                address(subnet, block, 2),
                controlAddress(),
                "http://" + controlAddress() + ":" + simulatorPort);
        offices.add(uplink);
        return uplink;
    }

    public String name() {
        return name;
    }

    /**
     * Where upstream's processes answer from this machine, over the control link that is never cut; inside the
     * namespace it is a local address too, so the ministry's processes can use it among themselves.
     */
    public String controlAddress() {
        return address(subnet, CONTROL_BLOCK, 2);
    }

    /** Put in front of a command line to run it upstream. ip netns exec replaces itself, so the pid is the command's. */
    public List<String> launchPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Removes the namespace, and with it every veth pair; processes still inside must be stopped first. */
    @Override
    public void close() {
        Net.run("ip", "netns", "delete", name);
    }

    /** Namespaces a killed stack left behind: named after a process that is gone. */
    public static void removeLeftovers() {
        for (String line : Net.run("ip", "netns", "list").output().split("\n")) {
            Matcher ours = OURS.matcher(line.trim().split("\\s+")[0]);
            if (ours.matches()
                    && ProcessHandle.of(Long.parseLong(ours.group(1)))
                            .filter(ProcessHandle::isAlive)
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

    private static String address(int subnet, int block, int host) {
        return "10.231." + subnet + "." + (block * 4 + host);
    }

    static void inside(String namespace, String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        Net.must(full);
    }
}
