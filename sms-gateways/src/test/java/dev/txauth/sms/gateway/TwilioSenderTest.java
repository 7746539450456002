package dev.txauth.sms.gateway;

import dev.txauth.sms.SmsOutcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TwilioSenderTest extends StubGateways {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    private void stubCreated() {
        primary.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .withBasicAuth(SID, "tw-token")
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM1f0e8ae6ade43cb3c0ce4525424e404f\",\"status\":\"queued\","
                                + "\"to\":\"" + NUMBER + "\",\"num_segments\":\"1\"}")));
    }

    @Test
    void postsToTheAccountsMessagesResourceWithBasicAuth() {
        stubCreated();
        TwilioSender sender = new TwilioSender(new TwilioSender.Settings(primary.baseUrl(), SID, "+15005550006", null),
                "tw-token", http(ANSWER_TIMEOUT_MS));
        assertEquals(new SmsOutcome.Sent("twilio", "SM1f0e8ae6ade43cb3c0ce4525424e404f"), sender.send(message()));
        assertEquals(Map.of("To", NUMBER, "From", "+15005550006", "Body", TEXT), form(onlyRequest(primary)));
    }

    @Test
    void usesTheMessagingServiceInsteadOfFromWhenSet() {
        stubCreated();
        TwilioSender sender = new TwilioSender(new TwilioSender.Settings(primary.baseUrl(), SID, null,
                "MG9752274e9e519418a7406176694466fa"), "tw-token", http(ANSWER_TIMEOUT_MS));
        sender.send(message());
        assertEquals(Map.of("To", NUMBER, "MessagingServiceSid", "MG9752274e9e519418a7406176694466fa", "Body", TEXT),
                form(onlyRequest(primary)));
    }

    @Test
    void aWrongTokenIsARejection() {
        stubCreated();
        TwilioSender sender = new TwilioSender(new TwilioSender.Settings(primary.baseUrl(), SID, "+15005550006", null),
                "wrong", http(ANSWER_TIMEOUT_MS));
        primary.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":20003,\"status\":401}")));
        assertEquals(new SmsOutcome.Rejected("twilio", "http-401"), sender.send(message()));
    }
}
