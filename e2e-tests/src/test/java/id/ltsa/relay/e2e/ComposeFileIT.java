package id.ltsa.relay.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml publishes the development-only parts (the simulator and its /sim controls, Prometheus without
 * authentication, Grafana with admin/admin) on this machine's loopback only, never on every interface.
 */
class ComposeFileIT {

    static final Path COMPOSE = Path.of(System.getProperty("ltsa.project.dir", ".."), "docker-compose.yml");

    @Test
    void the_dev_only_services_are_bound_to_loopback() throws Exception {
        String compose = Files.readString(COMPOSE);
        for (String service : List.of("central-api-simulator", "prometheus", "grafana")) {
            Matcher block = Pattern.compile("(?ms)^  " + Pattern.quote(service) + ":\\n(.*?)(?=^  \\S|^\\S|\\z)")
                    .matcher(compose);
            assertTrue(block.find(), service + " is in the compose file");
            Matcher ports = Pattern.compile("ports: \\[(.*)]").matcher(block.group(1));
            assertTrue(ports.find(), service + " publishes a port");
            for (String port : ports.group(1).split(",")) {
                assertTrue(port.strip().startsWith("\"127.0.0.1:"), service + " published beyond loopback: " + port);
            }
            assertTrue(block.group(1).contains("dev only"), service + " is labelled dev-only");
        }
    }
}
