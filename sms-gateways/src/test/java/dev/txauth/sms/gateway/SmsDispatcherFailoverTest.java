package dev.txauth.sms.gateway;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.txauth.sms.SmsDispatcher;
import dev.txauth.sms.SmsMetrics;
import dev.txauth.sms.SmsOutcome;
import dev.txauth.sms.SmsOutcome.Reason;
import dev.txauth.sms.SmsSender;
import dev.txauth.sms.phone.PhoneNumbers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failover rules of docs/api.md §9 against real local HTTP servers: Termii first, Twilio second. */
class SmsDispatcherFailoverTest extends StubGateways {

    private static final String SID = "AC00000000000000000000000000000000";
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private SmsDispatcher dispatcher(String termiiBase, int timeoutMs) {
        SmsSender termii = new TermiiSender(new TermiiSender.Settings(termiiBase, "TxAuth", "dnd"), "k", http(timeoutMs));
        SmsSender twilio = new TwilioSender(new TwilioSender.Settings(secondary.baseUrl(), SID, "+15005550006", null),
                "t", http(timeoutMs));
        return new SmsDispatcher(List.of(new SmsDispatcher.Route("termii", termii), new SmsDispatcher.Route("twilio", twilio)),
                new SmsMetrics(registry), new PhoneNumbers("NG"));
    }

    private void twilioAccepts() {
        secondary.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM42\"}")));
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theFirstGatewayThatAnswers2xxSendsAndTheRestAreNotAsked() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(okJson("{\"message_id\":\"T1\"}")));
        twilioAccepts();
        assertEquals(new SmsOutcome.Sent("termii", "T1"), dispatcher(primary.baseUrl(), 2000).send(message()));
        secondary.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(1, count("txauth.sms.sent", "provider", "termii"));
    }

    @Test
    void failsOverFromA503ToTheNextGatewayWithoutRetrying() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withStatus(503)));
        twilioAccepts();
        assertEquals(new SmsOutcome.Sent("twilio", "SM42"), dispatcher(primary.baseUrl(), 2000).send(message()));
        primary.verify(1, anyRequestedFor(anyUrl()));
        secondary.verify(1, anyRequestedFor(anyUrl()));
        assertEquals(1, count("txauth.sms.attempts.failed", "provider", "termii", "reason", "server_error"));
        assertEquals(1, count("txauth.sms.sent", "provider", "twilio"));
    }

    @Test
    void failsOverFromAGatewayThatTimesOut() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send"))
                .willReturn(okJson("{\"message_id\":\"late\"}").withFixedDelay(3000)));
        twilioAccepts();
        long start = System.nanoTime();
        assertEquals(new SmsOutcome.Sent("twilio", "SM42"), dispatcher(primary.baseUrl(), 400).send(message()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2500, "gave up on the slow gateway after its timeout, not its answer: " + millis + " ms");
        assertEquals(1, count("txauth.sms.attempts.failed", "provider", "termii", "reason", "timeout"));
    }

    @Test
    void failsOverFromAConnectionErrorAndAResetConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        twilioAccepts();
        assertEquals(new SmsOutcome.Sent("twilio", "SM42"),
                dispatcher("http://127.0.0.1:" + closedPort, 2000).send(message()));
        assertEquals(1, count("txauth.sms.attempts.failed", "provider", "termii", "reason", "connection"));

        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(new SmsOutcome.Sent("twilio", "SM42"), dispatcher(primary.baseUrl(), 2000).send(message()));
    }

    @Test
    void aClientErrorIsNotRetriedAndNotFailedOver() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"Invalid number\"}")));
        twilioAccepts();
        assertEquals(new SmsOutcome.Rejected("termii", "http-400"), dispatcher(primary.baseUrl(), 2000).send(message()));
        primary.verify(1, anyRequestedFor(anyUrl()));
        secondary.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(1, count("txauth.sms.rejected", "provider", "termii"));
        assertEquals(0, count("txauth.sms.failed"));
    }

    @Test
    void reportsEveryAttemptWhenAllGatewaysFail() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send")).willReturn(aResponse().withStatus(500)));
        secondary.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .willReturn(aResponse().withStatus(502)));
        SmsOutcome outcome = dispatcher(primary.baseUrl(), 2000).send(message());
        assertEquals(new SmsOutcome.Failed(List.of(new SmsOutcome.Attempt("termii", Reason.SERVER_ERROR, "http-500"),
                new SmsOutcome.Attempt("twilio", Reason.SERVER_ERROR, "http-502"))), outcome);
        primary.verify(1, anyRequestedFor(anyUrl()));
        secondary.verify(1, anyRequestedFor(anyUrl()));
        assertEquals(1, count("txauth.sms.failed"));
    }

    @Test
    void aSenderThatThrowsIsAFailedGatewayNotABrokenLogin() {
        twilioAccepts();
        SmsSender broken = message -> {
            throw new IllegalStateException("boom");
        };
        SmsSender twilio = new TwilioSender(new TwilioSender.Settings(secondary.baseUrl(), SID, "+15005550006", null),
                "t", http(ANSWER_TIMEOUT_MS));
        SmsDispatcher dispatcher = new SmsDispatcher(List.of(new SmsDispatcher.Route("custom", broken),
                new SmsDispatcher.Route("twilio", twilio)), new SmsMetrics(registry), new PhoneNumbers("NG"));
        assertEquals(new SmsOutcome.Sent("twilio", "SM42"), dispatcher.send(message()));
        assertEquals(1, count("txauth.sms.attempts.failed", "provider", "custom", "reason", "error"));
    }

    @Test
    void withNoGatewayNothingIsSent() {
        SmsDispatcher none = new SmsDispatcher(List.of(), new SmsMetrics(registry), new PhoneNumbers("NG"));
        assertInstanceOf(SmsOutcome.Failed.class, none.send(message()));
        assertEquals(1, count("txauth.sms.failed"));
    }
}
