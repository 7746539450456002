package dev.txauth.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * A payment service's API in the smallest form that is still correct (JDK HTTP server and client; Jackson only to read
 * JSON). It shows the resource-server side of txauth:
 * <ol>
 *   <li>{@code POST /payments/{transactionId}} with a token that does not prove this payment: answer RFC 9470's
 *       {@code 401 WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="transaction"}, so
 *       the app runs the step-up;</li>
 *   <li>with the new token: introspect it, require {@code acr=transaction}, require its {@code authorization_details}
 *       to be the transaction about to be executed and {@code txn_hash} to be the hash of exactly that detail;</li>
 *   <li>consume the transaction at Keycloak (exactly once, cluster-wide) and only then move the money.</li>
 * </ol>
 */
public final class PaymentApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String registryToken;
    private final List<String> executedPayments = new ArrayList<>();

    public PaymentApi(String realmUrl, String clientId, String clientSecret, String registryToken) throws IOException {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.registryToken = registryToken;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/payments/", this::pay);
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public synchronized List<String> executedPayments() {
        return List.copyOf(executedPayments);
    }

    private void pay(HttpExchange exchange) throws IOException {
        String transactionId = exchange.getRequestURI().getPath().substring("/payments/".length());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode token = authorization != null && authorization.startsWith("Bearer ")
                ? introspect(authorization.substring(7)) : null;
        if (token == null || !token.path("active").asBoolean()) {
            reply(exchange, 401, "Bearer error=\"invalid_token\"", "{\"error\":\"invalid_token\"}");
            return;
        }
        if (!provesTransaction(token, transactionId)) {
            reply(exchange, 401, "Bearer error=\"insufficient_user_authentication\", error_description=\"Confirm "
                    + "this payment\", acr_values=\"transaction\"", "{\"error\":\"insufficient_user_authentication\"}");
            return;
        }
        HttpResponse<String> consumed = send(HttpRequest.newBuilder(URI.create(realmUrl + "/txauth/transactions/"
                        + transactionId + "/consume")).header("Authorization", "Bearer " + registryToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (consumed.statusCode() != 200) {
            // 409 already consumed or not approved, 410 expired/revoked: never execute.
            reply(exchange, 409, null, consumed.body());
            return;
        }
        synchronized (this) {
            executedPayments.add(transactionId);
        }
        reply(exchange, 200, null, "{\"executed\":\"" + transactionId + "\"}");
    }

    /** acr, the one authorization_details member, its identifier and the hash must all match this payment. */
    static boolean provesTransaction(JsonNode token, String transactionId) {
        JsonNode details = token.path("authorization_details");
        if (!"transaction".equals(token.path("acr").asText()) || details.size() != 1) {
            return false;
        }
        JsonNode detail = details.get(0);
        return "payment_initiation".equals(detail.path("type").asText())
                && transactionId.equals(detail.path("identifier").asText())
                && transactionId.equals(token.path("txn_id").asText())
                && sha256(canonical(detail)).equals(token.path("txn_hash").asText());
    }

    /** RFC 8785 for the payment detail (string members and nested objects only): sorted members, no whitespace. */
    static String canonical(JsonNode node) {
        if (!node.isObject()) {
            try {
                return JSON.writeValueAsString(node.asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        TreeMap<String, JsonNode> members = new TreeMap<>();
        node.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        StringBuilder out = new StringBuilder("{");
        members.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(canonical(
                JSON.getNodeFactory().textNode(name))).append(':').append(canonical(value)));
        return out.append('}').toString();
    }

    static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode introspect(String token) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl
                        + "/protocol/openid-connect/token/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        try {
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String wwwAuthenticate, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (wwwAuthenticate != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", wwwAuthenticate);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
