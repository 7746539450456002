package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txauth.model.PaymentInitiation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the payment service does over HTTP, as any payment service would (docs/api.md §3): a client-credentials token
 * for {@code payment-service}, then register or consume. Each call is also returned as a {@link DemoStep} for the
 * page, with the secret hidden and tokens shortened. The address is the configured loopback URL, never the request's.
 */
final class PaymentServiceCalls {

    static final String CLIENT_ID = "payment-service";
    /** The demo payee (docs/api.md §3's example account). */
    static final String PAYEE = "Ada Obi";
    private static final String ACTOR = "payment service → Keycloak";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body, DemoStep step) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final DemoSettings settings;
    private final String realmPath;

    PaymentServiceCalls(DemoSettings settings, String realmName) {
        this.settings = settings;
        this.realmPath = "/realms/" + URLEncoder.encode(realmName, StandardCharsets.UTF_8);
    }

    Answer token() {
        String path = realmPath + "/protocol/openid-connect/token";
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=";
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form
                        + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8))).build();
        return send(request, "Client-credentials token for payment-service",
                "POST " + path + "\nContent-Type: application/x-www-form-urlencoded\n\n" + form + Shortened.HIDDEN);
    }

    Answer register(String serviceToken, String userId, String amount) {
        ObjectNode detail = JSON.createObjectNode().put(PaymentInitiation.TYPE_MEMBER, PaymentInitiation.TYPE);
        detail.putObject(PaymentInitiation.INSTRUCTED_AMOUNT).put(PaymentInitiation.CURRENCY, "NGN")
                .put(PaymentInitiation.AMOUNT, amount);
        detail.put(PaymentInitiation.CREDITOR_NAME, PAYEE);
        detail.putObject(PaymentInitiation.CREDITOR_ACCOUNT).put(PaymentInitiation.SCHEME, "NUBAN")
                .put(PaymentInitiation.IDENTIFICATION, "0123456789").put(PaymentInitiation.BANK_CODE, "058");
        detail.put(PaymentInitiation.REMITTANCE_INFORMATION, "txauth demo");
        ObjectNode body = JSON.createObjectNode().put("user_id", userId).put("client_id", AppCaller.APP_CLIENT);
        body.set("authorization_details", detail);
        return registry("POST", "/transactions", serviceToken, body, "Register the transaction (§3)");
    }

    Answer consume(String serviceToken, String transactionId) {
        return registry("POST", "/transactions/" + transactionId + "/consume", serviceToken, null,
                "Consume the approval, exactly once (§3)");
    }

    private Answer registry(String method, String subPath, String serviceToken, JsonNode body, String title) {
        String path = realmPath + "/txauth" + subPath;
        String json = body == null ? "" : body.toString();
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + serviceToken).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        String shown = method + " " + path + "\nAuthorization: Bearer " + Shortened.token(serviceToken)
                + (body == null ? "" : "\nContent-Type: application/json\n\n" + pretty(body));
        return send(request, title, shown);
    }

    private Answer send(HttpRequest request, String title, String shownRequest) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            String shownBody = body.isMissingNode() ? Shortened.text(response.body()) : pretty(Shortened.json(body));
            return new Answer(response.statusCode(), body, new DemoStep(ACTOR, title, shownRequest,
                    "HTTP " + response.statusCode() + "\n\n" + shownBody));
        } catch (IOException e) {
            throw new DemoError(502, "keycloak_unreachable", "The backend could not reach " + settings.keycloakUrl());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoError(502, "keycloak_unreachable", "Interrupted");
        }
    }

    private URI url(String path) {
        return URI.create(settings.keycloakUrl() + path);
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            return json.toString();
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
