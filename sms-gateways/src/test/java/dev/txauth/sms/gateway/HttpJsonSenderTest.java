package dev.txauth.sms.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.txauth.sms.SmsOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpJsonSenderTest extends StubGateways {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);
    private static final String TEMPLATE = "{\"msisdn\":\"{{to_digits}}\",\"e164\":\"{{to}}\",\"body\":\"{{text}}\","
            + "\"meta\":{\"kind\":\"otp\"}}";

    private HttpJsonSender sender(HttpJsonSender.Auth auth, String secret) {
        return new HttpJsonSender(new HttpJsonSender.Settings(primary.baseUrl() + "/sms", TEMPLATE, auth, "/data/ref"),
                secret, http(ANSWER_TIMEOUT_MS), CLOCK);
    }

    @Test
    void postsTheTemplateFilledWithEscapedValuesAndABearerToken() {
        primary.stubFor(post(urlPathEqualTo("/sms"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"msisdn\":\"2348031234567\",\"e164\":\"" + NUMBER + "\",\"body\":\""
                        + TEXT + "\",\"meta\":{\"kind\":\"otp\"}}"))
                .willReturn(okJson("{\"data\":{\"ref\":\"m-77\"}}")));
        assertEquals(new SmsOutcome.Sent("http", "m-77"), sender(HttpJsonSender.Auth.BEARER, "tok-1").send(message()));
    }

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        primary.stubFor(post(urlPathEqualTo("/sms")).withHeader("X-Txauth-Timestamp", equalTo("1767225600"))
                .willReturn(okJson("{}")));
        assertEquals(new SmsOutcome.Sent("http", null), sender(HttpJsonSender.Auth.HMAC_SHA256, "k3y").send(message()));

        LoggedRequest request = onlyRequest(primary);
        // The receiver's check: HMAC over "<timestamp>.<exact body bytes>"; hmacHex itself is pinned by the known vector.
        String expected = "sha256=" + HttpJsonSender.hmacHex("k3y", "1767225600." + request.getBodyAsString());
        assertEquals(expected, request.getHeader("X-Txauth-Signature"));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                HttpJsonSender.hmacHex("key", "The quick brown fox jumps over the lazy dog"), "the well-known HMAC-SHA256 example");
        assertEquals(null, request.getHeader("Authorization"));
    }

    @Test
    void escapesQuotesAndBackslashesInTheText() {
        primary.stubFor(post(urlPathEqualTo("/sms")).willReturn(okJson("{}")));
        new HttpJsonSender(new HttpJsonSender.Settings(primary.baseUrl() + "/sms", HttpJsonSender.BodyTemplate.DEFAULT,
                HttpJsonSender.Auth.NONE, "/id"), null, http(ANSWER_TIMEOUT_MS), CLOCK)
                .send(new dev.txauth.sms.SmsMessage(new dev.txauth.sms.phone.E164Number(NUMBER), "a\"b\\c\",\"x\":\"y"));
        assertEquals("{\"to\":\"" + NUMBER + "\",\"text\":\"a\\\"b\\\\c\\\",\\\"x\\\":\\\"y\"}",
                onlyRequest(primary).getBodyAsString());
    }

    @Test
    void refusesATemplateThatIsNotJsonOrLacksAPlaceholder() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpJsonSender.Settings("http://x", "{\"to\":{{to}},\"text\":\"{{text}}\"", HttpJsonSender.Auth.NONE, "/id"));
        assertThrows(IllegalArgumentException.class,
                () -> new HttpJsonSender.Settings("http://x", "{\"text\":\"{{text}}\"}", HttpJsonSender.Auth.NONE, "/id"));
    }
}
