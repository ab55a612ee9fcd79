package id.ltsa.relay.localstack.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for the tests that draw a page the way a browser does: the DOM after the page's
 * scripts have run, and a screenshot to keep. Started with the flags this kind of machine needs (no sandbox as root,
 * no background networking: nothing reaches outside).
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    /** The page's DOM once its scripts have had 8 s of virtual time. */
    public static String dom(String url) {
        return run(List.of("--dump-dom", url));
    }

    public static void screenshot(String url, Path file, int width, int height) {
        run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=" + width + "," + height, url));
    }

    private static String run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                browser(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--disable-background-networking",
                "--disable-component-update",
                "--virtual-time-budget=8000"));
        command.addAll(arguments);
        try {
            File log = File.createTempFile("chromium", ".log");
            Process process = new ProcessBuilder(command).redirectError(log).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "chromium failed (" + process.exitValue() + "): " + Files.readString(log.toPath()));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String browser() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "Headless Chromium is needed for this test: apt-get install chromium" + " (.ci/run installs it)");
    }
}
