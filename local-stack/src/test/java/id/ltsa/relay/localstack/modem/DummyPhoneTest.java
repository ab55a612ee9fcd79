package id.ltsa.relay.localstack.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SMS arrives at gammu's dummy phone as a numbered file in its inbox folder, in gammu's backup format. */
class DummyPhoneTest {

    @TempDir
    Path device;

    @Test
    void each_sms_takes_the_next_free_slot_of_the_inbox_with_its_text_as_utf16_hex() throws Exception {
        DummyPhone phone = new DummyPhone(device);

        phone.receive("+6281234567890", "CEK LT-ABCD2345");
        phone.receive("+6281234567891", "Halo");

        String first = Files.readString(device.resolve("sms/1/1"), StandardCharsets.UTF_8);
        assertTrue(first.contains("Number = \"+6281234567890\""), first);
        assertTrue(first.contains("State = UnRead") && first.contains("Folder = 1"), first);
        assertTrue(first.contains("Text00 = 00430045004b0020004c0054002d00410042004300440032003300340035"), first);
        assertTrue(Files.exists(device.resolve("sms/1/2")));
        try (var files = Files.list(device.resolve("sms/1"))) {
            assertEquals(2, files.count(), "no draft left behind");
        }
    }

    @Test
    void a_sender_is_a_number_or_an_operators_name() {
        assertThrows(IllegalArgumentException.class, () -> new DummyPhone(device).receive("not a number!", "x"));
    }
}
