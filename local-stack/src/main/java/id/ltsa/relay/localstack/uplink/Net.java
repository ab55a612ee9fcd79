package id.ltsa.relay.localstack.uplink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs iproute2 and nftables commands and reads what they print. */
final class Net {

    record Result(int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }
    }

    private Net() {}

    static Result run(List<String> command, String input) {
        try {
            // output to a file, so a command that hangs cannot hold the read past the timeout
            Path output = Files.createTempFile("ltsa-net-", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (input != null) {
                    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                }
                process.getOutputStream().close();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "timed out: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(output).trim());
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(String... command) {
        return run(List.of(command), null);
    }

    /** Runs it, and fails with what it printed if it fails. */
    static String must(String... command) {
        Result result = run(command);
        if (!result.ok()) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output();
    }
}
