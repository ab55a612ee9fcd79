package id.ltsa.relay.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log4j2 configuration of the Kafka JVMs (the brokers, the MirrorMakers): WARN and above to the console, which the
 * stack appends to the process's log, plus the few INFO lines the stack waits for.
 */
public final class KafkaLogging {

    private KafkaLogging() {}

    /** @param levels logger name to its level, for the loggers that differ from WARN */
    public static String configuration(Map<String, String> levels) {
        List<String> lines = new ArrayList<>(List.of(
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT"));
        int n = 0;
        for (Map.Entry<String, String> logger : new TreeMap<>(levels).entrySet()) {
            lines.add("logger.l" + n + ".name = " + logger.getKey());
            lines.add("logger.l" + n + ".level = " + logger.getValue());
            n++;
        }
        lines.add("");
        return String.join("\n", lines);
    }
}
