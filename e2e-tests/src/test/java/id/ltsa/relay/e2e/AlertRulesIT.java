package id.ltsa.relay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules in deploy/prometheus pass their own unit tests ({@code promtool test rules}), so an alert
 * that would never fire, or fire on the wrong thing, fails the build. promtool comes from Debian's prometheus package
 * (.ci/run installs it).
 */
class AlertRulesIT {

    @Test
    void every_alert_rule_passes_its_promtool_test_cases() throws Exception {
        File promtool = new File("/usr/bin/promtool");
        assertTrue(promtool.canExecute(), "promtool is needed: apt-get install -y prometheus (.ci/run installs it)");
        Path rules = Path.of(System.getProperty("ltsa.project.dir", ".."), "deploy/prometheus");
        Process check = new ProcessBuilder(promtool.getPath(), "test", "rules", "alerts_test.yml")
                .directory(rules.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(120, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("SUCCESS"), output);
    }
}
