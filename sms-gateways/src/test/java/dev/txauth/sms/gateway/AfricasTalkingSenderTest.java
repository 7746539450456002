package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AfricasTalkingSenderTest extends StubGateways {

    private static String answer(int statusCode, String status) {
        return "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: NGN 2.2000\",\"Recipients\":[{"
                + "\"statusCode\":" + statusCode + ",\"number\":\"" + NUMBER + "\",\"status\":\"" + status + "\","
                + "\"cost\":\"NGN 2.2000\",\"messageId\":\"ATXid_4c9e2f\"}]}}";
    }

    private AfricasTalkingSender sender(String from) {
        return new AfricasTalkingSender(new AfricasTalkingSender.Settings(primary.baseUrl(), "txauth", from),
                "atsk_key", http(ANSWER_TIMEOUT_MS));
    }

    private void stub(int httpStatus, String body) {
        primary.stubFor(post(urlPathEqualTo("/version1/messaging"))
                .withHeader("apiKey", equalTo("atsk_key"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .willReturn(aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void postsTheDocumentedFormWithTheApiKeyHeader() {
        stub(201, answer(101, "Success"));
        assertEquals(new SmsOutcome.Sent("africastalking", "ATXid_4c9e2f"), sender("TXAUTH").send(message()));
        assertEquals(Map.of("username", "txauth", "to", NUMBER, "message", TEXT, "from", "TXAUTH"),
                form(onlyRequest(primary)));
    }

    @Test
    void leavesFromOutWhenTheAccountDefaultIsWanted() {
        stub(201, answer(102, "Queued"));
        assertInstanceOf(SmsOutcome.Sent.class, sender(null).send(message()));
        assertEquals(Map.of("username", "txauth", "to", NUMBER, "message", TEXT), form(onlyRequest(primary)));
    }

    @ParameterizedTest
    @CsvSource({"403,InvalidPhoneNumber,rejected", "406,UserInBlacklist,rejected", "409,DoNotDisturbRejection,rejected",
            "401,RiskHold,rejected", "405,InsufficientBalance,failed", "407,CouldNotRoute,failed",
            "500,InternalServerError,failed", "502,RejectedByGateway,failed"})
    void readsThePerRecipientStatusOfA201(int statusCode, String status, String expected) {
        stub(201, answer(statusCode, status));
        SmsOutcome outcome = sender(null).send(message());
        if (expected.equals("rejected")) {
            assertEquals(new SmsOutcome.Rejected("africastalking", "status-" + statusCode), outcome);
        } else {
            assertEquals(SmsOutcome.Failed.of("africastalking", SmsOutcome.Reason.SERVER_ERROR, "status-" + statusCode),
                    outcome);
        }
    }

    @Test
    void aWrongApiKeyIsARejection() {
        stub(201, answer(101, "Success"));
        AfricasTalkingSender wrongKey = new AfricasTalkingSender(
                new AfricasTalkingSender.Settings(primary.baseUrl(), "txauth", null), "other", http(ANSWER_TIMEOUT_MS));
        primary.stubFor(post(urlPathEqualTo("/version1/messaging")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("The supplied authentication is invalid")));
        assertEquals(new SmsOutcome.Rejected("africastalking", "http-401"), wrongKey.send(message()));
    }
}
