package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.Json;
import dev.txauth.testkit.OidcClient;
import dev.txauth.testkit.Page;
import dev.txauth.testkit.PaymentService;
import dev.txauth.testkit.TestUser;
import dev.txauth.testkit.TestUsers;
import dev.txauth.testkit.TokenResponse;
import dev.txauth.testkit.TransactionConfirmation;
import dev.txauth.testkit.TxauthKeycloakTest;
import dev.txauth.testkit.TxauthServer;
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
    private final PaymentService paymentService;

    RefreshedTokenLevelIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    @Test
    void refreshedTokenClaimsMfaWhileTheApprovedTokenKeepsTransaction() {
        TestUser user = TestUsers.withOtp(server, "refresh-acr");
        String id = paymentService.registerPayment(user.id(), "300.00", "Bola Ade");
        OidcClient app = server.newBrowser();
        TransactionConfirmation confirmation = new TransactionConfirmation(app, user);
        Page page = confirmation.open(TransactionConfirmation.reference(id));
        assertTrue(page.form(TransactionConfirmation.CONFIRM_FORM).isPresent(), page.document().text());
        TokenResponse approved = confirmation.exchange(confirmation.confirm(page, confirmation.nextCode()));
        assertEquals(200, approved.status(), approved.body().toString());
        assertEquals("transaction", approved.accessTokenClaims().path("acr").asText());
        assertEquals("transaction", Json.jwtClaims(approved.body().path("id_token").asText()).path("acr").asText());

        TokenResponse refreshed = app.refresh(approved.refreshToken());
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        JsonNode claims = refreshed.accessTokenClaims();
        assertEquals("mfa", claims.path("acr").asText(), claims.toString());
        assertEquals("mfa", Json.jwtClaims(refreshed.body().path("id_token").asText()).path("acr").asText());

        JsonNode introspected = app.introspect(refreshed.accessToken(), TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret());
        assertTrue(introspected.path("active").asBoolean(), introspected.toString());
        assertEquals("mfa", introspected.path("acr").asText(), introspected.toString());

        // The approved token itself is unchanged by the refresh: introspection still says transaction, with its txn_id.
        JsonNode first = app.introspect(approved.accessToken(), TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret());
        assertEquals("transaction", first.path("acr").asText(), first.toString());
        assertEquals(id, first.path("txn_id").asText(), first.toString());

        TokenResponse again = app.refresh(refreshed.refreshToken());
        assertEquals(200, again.status(), again.body().toString());
        assertEquals("mfa", again.accessTokenClaims().path("acr").asText());
    }
}
