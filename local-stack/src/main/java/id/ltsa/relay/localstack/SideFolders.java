package id.ltsa.relay.localstack;

import java.nio.file.Path;

/** The folders of one side of the fleet (an office, the ministry) under its home: what `ltsa down` and the benches read. */
public interface SideFolders {

    Path home();

    default Path logs() {
        return home().resolve("logs");
    }

    default Path data() {
        return home().resolve("data");
    }

    /** pid files */
    default Path run() {
        return home().resolve("run");
    }
}
