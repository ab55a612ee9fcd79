package id.ltsa.relay.localstack.modem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Gammu's dummy phone: a folder that plays the SIM card, for a modem with no hardware. An SMS "arrives" when a file in
 * gammu's SMS backup format appears in its inbox folder ({@code sms/1}); the daemon reads it, stores it in its
 * {@code inbox} table and deletes the file, exactly as it would read and delete a message from a real SIM.
 */
public final class DummyPhone {

    /** The folders gammu's dummy driver expects: 1 and 3 are inboxes, 2 and 4 outboxes, 5 templates. */
    private static final int FOLDERS = 5;

    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Path device;

    public DummyPhone(Path device) {
        this.device = device.toAbsolutePath();
    }

    public Path device() {
        return device;
    }

    void create() {
        try {
            for (int folder = 1; folder <= FOLDERS; folder++) {
                Files.createDirectories(device.resolve("sms").resolve(Integer.toString(folder)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SMS from {@code number} reaches the modem. */
    public synchronized void receive(String number, String text) {
        create();
        Path inbox = device.resolve("sms/1");
        try {
            // written aside, then renamed into a numbered slot: the daemon never reads half a message
            Path draft = Files.createTempFile(inbox, ".incoming-", ".tmp");
            Files.writeString(draft, backup(number, text), StandardCharsets.UTF_8);
            for (int slot = 1; ; slot++) {
                Path target = inbox.resolve(Integer.toString(slot));
                if (!Files.exists(target)) {
                    Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message in gammu's SMS backup format; the text as UTF-16BE hex, as gammu writes it. */
    static String backup(String number, String text) {
        // a phone number, or an operator's alphanumeric sender name ("TELKOMSEL"), as a SIM card receives them
        if (!number.matches("\\+?[0-9A-Za-z]{2,20}")) {
            throw new IllegalArgumentException("a sender, e.g. +6281234567890: " + number);
        }
        String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
        return String.join(
                "\n",
                "[SMSBackup000]",
                "SMSC = \"+6281100000\"",
                "State = UnRead",
                "Number = \"" + number + "\"",
                "Coding = Default",
                "Folder = 1",
                "Sent = " + SENT.format(LocalDateTime.now(ZoneOffset.UTC)),
                "Text00 = " + hex,
                "");
    }
}
