package dev.txauth.testkit.client;

import dev.txauth.testkit.server.TxauthServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the payment service does against txauth's transaction registry (docs/api.md §3), with its client-credentials
 * token, plus raw access for the negative tests.
 */
public final class PaymentService {

    private final TxauthServer server;
    private final HttpClient http = Http.client();
    private String token;

    public PaymentService(TxauthServer server) {
        this.server = server;
    }

    /** A JSON answer of the registry. */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return Json.parse(body);
        }

        public String error() {
            return json().path("error").asText(null);
        }
    }

    public synchronized String token() {
        if (token == null) {
            TokenResponse tokens = server.tokens().clientCredentials(TxauthServer.PAYMENT_SERVICE,
                    server.paymentServiceSecret());
            if (!tokens.ok()) {
                throw new IllegalStateException("payment-service token: " + tokens.body());
            }
            token = tokens.accessToken();
        }
        return token;
    }

    public String transactionsUrl() {
        return server.realmUrl() + "/txauth/transactions";
    }

    /** The contract's example payment, for this user and mobile-app. */
    public static Map<String, Object> paymentDetail(String amount, String payee) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", "payment_initiation");
        detail.put("instructedAmount", Map.of("currency", "NGN", "amount", amount));
        detail.put("creditorName", payee);
        detail.put("creditorAccount", Map.of("scheme", "NUBAN", "identification", "0123456789", "bankCode", "058"));
        detail.put("remittanceInformation", "Rent for March");
        return detail;
    }

    /** The {@code authorization_details} an app sends for a registered transaction: type and identifier only. */
    public static String reference(String transactionId) {
        return "[{\"type\":\"payment_initiation\",\"identifier\":\"" + transactionId + "\"}]";
    }

    public static Map<String, Object> registration(String userId, String clientId, Object detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("client_id", clientId);
        body.put("authorization_details", detail);
        return body;
    }

    public Answer register(Map<String, Object> body) {
        return post(transactionsUrl(), "application/json", Json.write(body), token());
    }

    /** Registers the contract example for mobile-app and returns the transaction id (fails the test otherwise). */
    public String registerPayment(String userId, String amount, String payee) {
        return registerPayment(userId, paymentDetail(amount, payee));
    }

    /** Registers this payment detail for mobile-app and returns the transaction id (fails the test otherwise). */
    public String registerPayment(String userId, Map<String, Object> detail) {
        Answer answer = register(registration(userId, AuthorizationClient.MOBILE_APP, detail));
        if (answer.status() != 201) {
            throw new AssertionError("Registration refused: " + answer.status() + " " + answer.body());
        }
        return answer.json().get("transaction_id").asText();
    }

    public Answer get(String id) {
        return send(HttpRequest.newBuilder(URI.create(transactionsUrl() + "/" + id))
                .header("Authorization", "Bearer " + token()).GET());
    }

    public Answer consume(String id) {
        return post(transactionsUrl() + "/" + id + "/consume", null, null, token());
    }

    public Answer post(String url, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    public Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(http, request);
        return new Answer(response.statusCode(), response.body(), response);
    }
}
