package id.ltsa.relay.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.ApplicationStatus;
import id.ltsa.relay.notification.decision.DeliveryChannel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which way a message goes: the internet while it answers; the office modem only for what cannot wait. */
class ChannelRoutesTest {

    static final Instant RECHECK = Instant.parse("2026-12-02T03:00:00Z");

    @ParameterizedTest
    @EnumSource(
            value = ApplicationStatus.class,
            names = {"RECEIVED", "DELAYED"})
    void what_cannot_wait_goes_by_the_modem_while_the_internet_is_silent(ApplicationStatus transition) {
        assertEquals(
                new ChannelRoutes.Modem(),
                ChannelRoutes.decide(DeliveryChannel.WHATSAPP, transition, true, true, true, RECHECK));
    }

    @ParameterizedTest
    @EnumSource(
            value = ApplicationStatus.class,
            names = {"SUBMITTED", "RETURNED", "APPROVED", "ISSUED", "REJECTED", "WITHDRAWN"})
    void everything_else_waits_for_the_internet(ApplicationStatus transition) {
        assertEquals(
                new ChannelRoutes.Wait(RECHECK),
                ChannelRoutes.decide(DeliveryChannel.SMS, transition, true, true, true, RECHECK));
    }

    @Test
    void a_message_the_internet_may_already_have_never_goes_by_the_modem() {
        assertEquals(
                new ChannelRoutes.Wait(RECHECK),
                ChannelRoutes.decide(DeliveryChannel.WHATSAPP, ApplicationStatus.RECEIVED, false, true, true, RECHECK));
    }

    @Test
    void a_gone_modem_gets_nothing_new_and_the_message_waits() {
        assertEquals(
                new ChannelRoutes.Wait(RECHECK),
                ChannelRoutes.decide(DeliveryChannel.EMAIL, ApplicationStatus.DELAYED, true, true, false, RECHECK));
    }

    @Test
    void while_the_internet_answers_every_message_goes_on_the_applicants_channel() {
        assertEquals(
                new ChannelRoutes.Send(DeliveryChannel.EMAIL),
                ChannelRoutes.decide(DeliveryChannel.EMAIL, ApplicationStatus.RECEIVED, true, false, true, RECHECK));
    }

    @ParameterizedTest
    @CsvSource({
        "200,DELIVERED",
        "202,DELIVERED",
        "503,RETRY",
        "429,RETRY",
        "408,RETRY",
        "422,PERMANENT",
        "400,PERMANENT",
        "500,MAYBE_ARRIVED",
        "502,MAYBE_ARRIVED",
        "504,MAYBE_ARRIVED"
    })
    void a_gateway_answer_says_whether_the_message_was_taken(int status, Channels.Outcome outcome) {
        assertEquals(outcome, Channels.classify(status).outcome());
    }
}
