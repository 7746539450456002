package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8 "with §11, a webhook"): a payment service that subscribed to the payment-controls events
 * learns, by a signed delivery, that a customer's app was bound to a phone and that the customer changed their limits
 * or opted out of instant payments — by exact type and by the {@code TXAUTH_*} wildcard. Deliveries arrive only
 * through {@link WebhookInbox}'s example receiver, which accepts nothing whose Standard Webhooks signature fails.
 */
@TxauthKeycloakTest
class PaymentControlsWebhookIT {

    private final TxauthServer server;

    PaymentControlsWebhookIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void bindingAPhoneAndChangingLimitsArriveAsSignedDeliveries() {
        try (WebhookInbox exact = WebhookInbox.subscribe(server, "TXAUTH_LIMITS_CHANGED", "TXAUTH_DEVICE_BOUND");
             WebhookInbox wildcard = WebhookInbox.subscribe(server, "TXAUTH_*")) {
            TestUser user = TestUsers.user(server, "webhook-controls").totp().newAccount().create();
            AuthorizationClient phone = server.newBrowser();
            Pkce pkce = Pkce.s256();
            TokenResponse tokens = phone.tokens().exchangeCode(phone.login(user, pkce, Map.of("acr_values", "mfa",
                    "max_age", "0")).code(), pkce); // the first login with a second factor binds the phone
            assertEquals(200, tokens.status(), tokens.body().toString());
            assertEquals(200, me(phone, tokens, "limits", "{\"per_transaction\":\"50000.00\",\"daily\":\"80000.00\"}")
                    .statusCode());
            assertEquals(200, me(phone, tokens, "instant-payments", "{\"enabled\":false}").statusCode());

            List<WebhookInbox.Received> received = exact.await(ofUser(user), 2, 30_000);
            JsonNode bound = only(received, "TXAUTH_DEVICE_BOUND");
            assertEquals(TxauthServer.REALM, bound.path("realm").asText());
            assertEquals(phone.dpop().thumbprint(), bound.path("details").path("device_jkt").asText(), bound.toString());
            JsonNode limits = only(received, "TXAUTH_LIMITS_CHANGED");
            assertTrue(limits.path("occurred_at").asText().endsWith("Z"), limits.toString());
            assertFalse(limits.toString().contains("50000") || limits.toString().contains("80000"),
                    "no amount in a delivery: " + limits);

            wildcard.await(r -> ofUser(user).test(r) && r.type().equals("TXAUTH_INSTANT_PAYMENTS_DISABLED"), 1, 30_000);
            Set<String> all = wildcard.received().stream().filter(ofUser(user)).map(WebhookInbox.Received::type)
                    .collect(Collectors.toSet());
            assertTrue(all.containsAll(Set.of("TXAUTH_DEVICE_BOUND", "TXAUTH_LIMITS_CHANGED",
                    "TXAUTH_INSTANT_PAYMENTS_DISABLED")), all.toString());
            WebhookInbox.sleep(2_000); // anything wrongly sent would be in view by now
            assertTrue(exact.received().stream().filter(ofUser(user)).noneMatch(
                    r -> r.type().equals("TXAUTH_INSTANT_PAYMENTS_DISABLED")), "only subscribed types");
        }
    }

    private static Predicate<WebhookInbox.Received> ofUser(TestUser user) {
        return r -> user.id().equals(r.body().path("user_id").asText());
    }

    private static JsonNode only(List<WebhookInbox.Received> received, String type) {
        List<JsonNode> bodies = received.stream().filter(r -> r.type().equals(type)).map(WebhookInbox.Received::body)
                .toList();
        assertEquals(1, bodies.size(), type + " in " + received);
        return bodies.get(0);
    }

    private HttpResponse<String> me(AuthorizationClient phone, TokenResponse tokens, String path, String body) {
        return phone.sendWithToken(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/txauth/me/" + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"),
                tokens.accessToken());
    }
}
