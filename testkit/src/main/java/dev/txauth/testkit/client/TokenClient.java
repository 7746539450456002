package dev.txauth.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an app or a backend does at Keycloak's token endpoint: code exchange with the PKCE verifier, refresh,
 * client credentials, token exchange (RFC 8693), introspection, and raw requests for the negative tests. A client with a
 * {@link DpopKey} (the app's) sends a DPoP proof of it with every token-endpoint request (RFC 9449 §5).
 */
public final class TokenClient {

    /** How a request reaches Keycloak: a browser's connection (its client address) or a plain one. */
    @FunctionalInterface
    public interface Transport {
        HttpResponse<String> send(HttpRequest.Builder request);
    }

    private final String realmUrl;
    private final Transport transport;
    /** Read at each request: the app's key as it is then (a test may switch it). */
    private final Supplier<DpopKey> dpop;

    public TokenClient(String realmUrl, Transport transport) {
        this(realmUrl, transport, () -> null);
    }

    public TokenClient(String realmUrl, Transport transport, Supplier<DpopKey> dpop) {
        this.realmUrl = realmUrl;
        this.transport = transport;
        this.dpop = dpop;
    }

    /** The same connection proving another key, or none ({@code null}): for the negative DPoP tests. */
    public TokenClient withDpop(DpopKey key) {
        return new TokenClient(realmUrl, transport, () -> key);
    }

    /** A backend's own connection, not tied to any browser (e.g. the payment service's client credentials). */
    public static TokenClient direct(String realmUrl) {
        HttpClient http = Http.client();
        return new TokenClient(realmUrl, request -> Http.send(http, request));
    }

    public TokenResponse exchangeCode(String code, Pkce pkce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", AuthorizationClient.MOBILE_APP);
        form.put("redirect_uri", AuthorizationClient.MOBILE_REDIRECT);
        form.put("code", code);
        if (pkce != null) {
            form.put("code_verifier", pkce.verifier());
        }
        return tokenRequest(form);
    }

    public TokenResponse refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "client_id", AuthorizationClient.MOBILE_APP,
                "refresh_token", refreshToken));
    }

    public TokenResponse clientCredentials(String clientId, String secret) {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** Standard token exchange (RFC 8693) by a confidential client. */
    public TokenResponse tokenExchange(String clientId, String secret, String subjectToken, String audience) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        if (audience != null) {
            form.put("audience", audience);
        }
        return tokenRequest(form);
    }

    /** Any token-endpoint call, for the negative tests (password grant, wrong verifier...). */
    public TokenResponse tokenRequest(Map<String, String> form) {
        DpopKey key = dpop.get();
        return tokenRequest(form, key == null ? null : key.proof("POST", tokenEndpoint()));
    }

    /** A token-endpoint call with exactly this {@code DPoP} header ({@code null}: none), e.g. a replayed proof. */
    public TokenResponse tokenRequest(Map<String, String> form, String dpopProof) {
        HttpRequest.Builder request = form(tokenEndpoint(), form);
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        HttpResponse<String> response = transport.send(request);
        return new TokenResponse(response.statusCode(), Json.parse(response.body()));
    }

    public URI tokenEndpoint() {
        return URI.create(realmUrl + "/protocol/openid-connect/token");
    }

    public JsonNode introspect(String token, String clientId, String secret) {
        HttpResponse<String> response = post("/protocol/openid-connect/token/introspect", Map.of("token", token,
                "client_id", clientId, "client_secret", secret));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Introspection answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return transport.send(form(URI.create(realmUrl + path), form));
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(form)));
    }
}
