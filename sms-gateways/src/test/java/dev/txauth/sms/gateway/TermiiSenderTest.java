package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TermiiSenderTest extends StubGateways {

    private TermiiSender sender() {
        return new TermiiSender(new TermiiSender.Settings(primary.baseUrl(), "TxAuth", "dnd"), "TL-key-123", http(ANSWER_TIMEOUT_MS));
    }

    @Test
    void postsTheDocumentedJsonWithTheApiKeyInTheBody() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"to\":\"2348031234567\",\"from\":\"TxAuth\",\"sms\":\"" + TEXT + "\","
                        + "\"type\":\"plain\",\"channel\":\"dnd\",\"api_key\":\"TL-key-123\"}"))
                .willReturn(okJson("{\"code\":\"ok\",\"message_id\":\"3017544054459493171095441\","
                        + "\"message\":\"Successfully Sent\",\"balance\":1047.3,\"user\":\"Ada\"}")));

        assertEquals(new SmsOutcome.Sent("termii", "3017544054459493171095441"), sender().send(message()));
        assertEquals("POST", onlyRequest(primary).getMethod().getName());
    }

    @Test
    void aBadRequestIsARejection() {
        primary.stubFor(post(urlPathEqualTo("/api/sms/send"))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Invalid phone number 2348031234567\"}")));
        assertEquals(new SmsOutcome.Rejected("termii", "http-400"), sender().send(message()));
    }
}
