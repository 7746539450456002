package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: after a payment is approved, the app refreshes its tokens. Only the one token bound to the approval may
 * claim {@code acr=transaction} (docs/api.md §5); a refreshed token claims the session's level below it, so a
 * resource server that checks {@code acr} alone cannot be fooled for the rest of the session.
 */
@TxauthKeycloakTest
class RefreshedTokenLevelIT {

    private final TxauthServer server;
    private final PaymentJourney journey;

    RefreshedTokenLevelIT(TxauthServer server, PaymentJourney journey) {
        this.server = server;
        this.journey = journey;
    }

    @Test
    void refreshedTokenClaimsMfaWhileTheApprovedTokenKeepsTransaction() {
        TestUser user = TestUsers.withOtp(server, "refresh-acr");
        ConfirmationPage page = journey.confirmationPage(user, "300.00", "Bola Ade");
        assertTrue(page.isShown(), page.page().document().text());
        String id = page.transactionId();
        AuthorizationClient app = page.app();
        TokenResponse approved = page.approveAndExchange();
        assertEquals(200, approved.status(), approved.body().toString());
        assertEquals("transaction", approved.accessTokenClaims().path("acr").asText());
        assertEquals("transaction", Json.jwtClaims(approved.body().path("id_token").asText()).path("acr").asText());

        TokenResponse refreshed = app.tokens().refresh(approved.refreshToken());
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        JsonNode claims = refreshed.accessTokenClaims();
        assertEquals("mfa", claims.path("acr").asText(), claims.toString());
        assertEquals("mfa", Json.jwtClaims(refreshed.body().path("id_token").asText()).path("acr").asText());

        JsonNode introspected = app.tokens().introspect(refreshed.accessToken(), TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret());
        assertTrue(introspected.path("active").asBoolean(), introspected.toString());
        assertEquals("mfa", introspected.path("acr").asText(), introspected.toString());

        // The approved token itself is unchanged by the refresh: introspection still says transaction, with its txn_id.
        JsonNode first = app.tokens().introspect(approved.accessToken(), TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret());
        assertEquals("transaction", first.path("acr").asText(), first.toString());
        assertEquals(id, first.path("txn_id").asText(), first.toString());

        TokenResponse again = app.tokens().refresh(refreshed.refreshToken());
        assertEquals(200, again.status(), again.body().toString());
        assertEquals("mfa", again.accessTokenClaims().path("acr").asText());
    }
}
