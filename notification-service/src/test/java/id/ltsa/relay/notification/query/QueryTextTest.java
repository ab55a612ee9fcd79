package id.ltsa.relay.notification.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How an SMS to the office modem is read. */
class QueryTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CEK LT-ABCD2345",
                "cek lt-abcd2345",
                "Cek ABCD2345",
                "STATUS LT-ABCD2345",
                "status abcd2345",
                "CEK: LT ABCD2345",
                "  cek   LT-ABCD2345 tolong  ",
                "CEK LTABCD2345"
            })
    void any_case_with_or_without_lt_asks_for_the_code(String text) {
        assertEquals(new QueryText.Parsed(QueryText.Kind.QUERY, "LT-ABCD2345"), QueryText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Halo", "Terima kasih", "CEKLIST", "STATUSNYA apa", "", "LTSA: permohonan LT-ABCD2345"})
    void anything_else_is_not_a_query(String text) {
        assertEquals(QueryText.Kind.NOT_A_QUERY, QueryText.parse(text).kind());
    }

    @Test
    void a_query_without_a_code_or_with_a_wrong_one_is_still_a_query() {
        assertEquals(QueryText.Kind.QUERY_WITHOUT_CODE, QueryText.parse("cek").kind());
        assertEquals(new QueryText.Parsed(QueryText.Kind.QUERY, "LT-12"), QueryText.parse("CEK LT-12"));
    }

    @Test
    void only_phone_numbers_are_answered() {
        assertTrue(QueryText.answerable("+6281234567890"));
        assertTrue(QueryText.answerable("081234567890"));
        assertFalse(QueryText.answerable("TELKOMSEL"));
        assertFalse(QueryText.answerable("3636"));
        assertFalse(QueryText.answerable(null));
    }
}
