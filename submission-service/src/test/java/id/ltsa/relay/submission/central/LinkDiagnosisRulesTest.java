package id.ltsa.relay.submission.central;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.LinkDiagnosis;
import id.ltsa.relay.drain.WireFailure;
import id.ltsa.relay.submission.central.CentralOutcome.Failure;
import io.netty.channel.ConnectTimeoutException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How a failed call to central is read off the wire, and what the office is told is the likely cause. */
class LinkDiagnosisRulesTest {

    @Test
    void a_connection_that_never_opened_is_unreachable() {
        assertEquals(
                Failure.UNREACHABLE, classify(new ConnectTimeoutException("connection timed out: /10.0.0.2:8090")));
        assertEquals(Failure.UNREACHABLE, classify(new UnknownHostException("central.example.go.id")));
        assertEquals(Failure.UNREACHABLE, classify(new NoRouteToHostException("No route to host")));
        assertEquals(Failure.UNREACHABLE, classify(new ConnectException("Network is unreachable")));
        assertEquals(Failure.UNREACHABLE, classify(new javax.net.ssl.SSLHandshakeException("a captive portal")));
    }

    @Test
    void a_connection_refused_reset_or_closed_before_an_answer_is_refused() {
        assertEquals(Failure.REFUSED, classify(new ConnectException("Connection refused: /10.0.0.2:8090")));
        assertEquals(Failure.REFUSED, classify(new SocketException("Connection reset")));
        assertEquals(Failure.REFUSED, classify(new io.vertx.core.VertxException("Connection was closed", true)));
    }

    @Test
    void a_request_that_went_and_got_no_answer_in_time_is_no_answer() {
        assertEquals(
                Failure.NO_ANSWER, classify(new TimeoutException("The timeout period of 1500ms has been exceeded")));
        assertEquals(Failure.NO_ANSWER, classify(new IllegalStateException("something else entirely")));
    }

    @Test
    void nothing_upstream_answering_is_the_offices_own_uplink() {
        assertEquals(LinkDiagnosis.UPLINK_DOWN, LinkDiagnostician.diagnose(Failure.UNREACHABLE, false));
        assertEquals(LinkDiagnosis.UPLINK_DOWN, LinkDiagnostician.diagnose(Failure.REFUSED, false));
        assertEquals(LinkDiagnosis.UPLINK_DOWN, LinkDiagnostician.diagnose(Failure.NO_ANSWER, false));
        // a proxy in the office or at the ISP answering 502 while nothing behind it answers
        assertEquals(LinkDiagnosis.UPLINK_DOWN, LinkDiagnostician.diagnose(Failure.ERROR_ANSWER, false));
    }

    @Test
    void with_the_internet_working_the_fault_is_centrals() {
        assertEquals(LinkDiagnosis.CENTRAL_REFUSES, LinkDiagnostician.diagnose(Failure.UNREACHABLE, true));
        assertEquals(LinkDiagnosis.CENTRAL_REFUSES, LinkDiagnostician.diagnose(Failure.REFUSED, true));
        assertEquals(LinkDiagnosis.CENTRAL_ERRORS, LinkDiagnostician.diagnose(Failure.NO_ANSWER, true));
        assertEquals(LinkDiagnosis.CENTRAL_ERRORS, LinkDiagnostician.diagnose(Failure.ERROR_ANSWER, true));
    }

    @Test
    void without_a_second_target_only_the_failure_speaks() {
        assertEquals(LinkDiagnosis.UPLINK_DOWN, LinkDiagnostician.withoutUplinkCheck(Failure.UNREACHABLE));
        assertEquals(LinkDiagnosis.CENTRAL_REFUSES, LinkDiagnostician.withoutUplinkCheck(Failure.REFUSED));
        assertEquals(LinkDiagnosis.CENTRAL_ERRORS, LinkDiagnostician.withoutUplinkCheck(Failure.NO_ANSWER));
        assertEquals(LinkDiagnosis.CENTRAL_ERRORS, LinkDiagnostician.withoutUplinkCheck(Failure.ERROR_ANSWER));
    }

    private static Failure classify(Throwable cause) {
        return Failure.of(WireFailure.of(new ProcessingException(cause)));
    }
}
