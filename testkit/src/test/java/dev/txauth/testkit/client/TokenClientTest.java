package dev.txauth.testkit.client;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenClientTest {

    private final List<HttpRequest> sent = new ArrayList<>();

    private TokenClient answering(int status, String body) {
        return new TokenClient("http://localhost:8080/realms/payments", request -> {
            HttpRequest built = request.build();
            sent.add(built);
            return FakeResponse.of(built, status, body);
        });
    }

    @Test
    void codeExchangeIsAFormPostToTheRealmsTokenEndpoint() {
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = answering(200, "{\"access_token\":\"a.b.c\"}").exchangeCode("the-code", pkce);
        assertEquals("a.b.c", tokens.accessToken());
        HttpRequest request = sent.get(0);
        assertEquals("http://localhost:8080/realms/payments/protocol/openid-connect/token", request.uri().toString());
        assertEquals("application/x-www-form-urlencoded", request.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("POST", request.method());
    }

    @Test
    void anErrorAnswerIsReadableAndATokenMissingFromItSaysSo() {
        TokenResponse refused = answering(400, "{\"error\":\"invalid_grant\"}").refresh("r");
        assertEquals("invalid_grant", refused.error());
        IllegalStateException e = assertThrows(IllegalStateException.class, refused::accessToken);
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    }

    @Test
    void introspectionRefusedIsAnErrorNotAnInactiveToken() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> answering(401, "{\"error\":\"unauthorized_client\"}").introspect("t", "c", "s"));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertTrue(sent.get(0).uri().getPath().endsWith("/token/introspect"));
    }

    /** The two things TokenClient reads off a response: status and body. */
    private record FakeResponse(HttpRequest request, int statusCode, String body)
            implements HttpResponse<String> {
        static HttpResponse<String> of(HttpRequest request, int status, String body) {
            return new FakeResponse(request, status, body);
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return request.uri();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
