package id.ltsa.relay.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A scenario's results as the two-column text table the demos print and the closing notes quote. */
public final class InvariantTable {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    public InvariantTable(String title) {
        this.title = title;
    }

    public InvariantTable row(String name, Object value) {
        rows.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    /** The last row of every table: the promises found broken, or "none". */
    public String withBroken(List<String> broken) {
        row("broken promises", broken.isEmpty() ? "none" : String.join("; ", broken));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        StringBuilder table = new StringBuilder("== " + title + " ==\n");
        for (String[] r : rows) {
            table.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", r[0], r[1]));
        }
        return table.toString();
    }
}
