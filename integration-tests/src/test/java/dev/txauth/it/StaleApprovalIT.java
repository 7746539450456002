package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.TransactionTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: an approval belongs to the code of the request that made it, and to no other login of the same session
 * (issue 9, finding 7; docs/transactions.md "One approval, one code"). The approving code is deliberately not
 * redeemed first.
 */
@TxauthKeycloakTest
class StaleApprovalIT {

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    StaleApprovalIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    @Test
    void aLaterSilentLoginGetsNoTransactionClaimsAndTheApprovingCodeStillDoes(@WithTotp TestUser user) {
        ConfirmationPage page = journey.confirmationPage(user, "50.00", "Ada Obi");
        Page approved = page.approve();
        assertTrue(approved.isAppRedirect() && approved.appRedirectParameters().containsKey("code"),
                approved.describe());

        for (Map<String, String> later : java.util.List.of(Map.of("prompt", "none"), Map.of("acr_values", "mfa"))) {
            TokenResponse tokens = silentLogin(page.app(), later);
            assertEquals(200, tokens.status(), later + " " + tokens.body());
            assertNoTransaction(tokens, later.toString());
        }

        TokenResponse approving = page.exchange(approved);
        assertEquals(200, approving.status(), approving.body().toString());
        assertEquals(page.transactionId(), approving.accessTokenClaims().path("txn_id").asText());
        assertEquals(page.transactionId(), approving.body().path("authorization_details").path(0)
                .path("identifier").asText());
    }

    @Test
    void aNeverRedeemedApprovalDoesNotBreakLaterExchanges(@WithTotp TestUser user) throws Exception {
        ConfirmationPage page = journey.confirmationPage(user, "50.00", "Ada Obi");
        assertTrue(page.approve().isAppRedirect());
        TransactionTable.expire(server, page.transactionId());
        assertEquals("EXPIRED", paymentService.get(page.transactionId()).json().path("status").asText());

        for (Map<String, String> later : java.util.List.of(Map.of("prompt", "none"), Map.of("acr_values", "mfa"))) {
            TokenResponse tokens = silentLogin(page.app(), later);
            assertEquals(200, tokens.status(), later + " " + tokens.body());
            assertNoTransaction(tokens, later.toString());
        }
    }

    /** A login of the same app in the same browser that the SSO session answers without any page. */
    private static TokenResponse silentLogin(AuthorizationClient app, Map<String, String> extra) {
        Pkce pkce = Pkce.s256();
        Page page = app.authorize(app.authorizationParameters(pkce, extra));
        assertTrue(page.isAppRedirect() && page.appRedirectParameters().containsKey("code"), page.describe());
        return app.tokens().exchangeCode(page.code(), pkce);
    }

    private static void assertNoTransaction(TokenResponse tokens, String which) {
        JsonNode claims = tokens.accessTokenClaims();
        claims.fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("txn_"), which + ": " + claims));
        assertFalse(claims.has("authorization_details"), which + ": " + claims);
        assertFalse(tokens.body().has("authorization_details"), which + ": " + tokens.body());
        assertFalse("transaction".equals(claims.path("acr").asText()), which + ": " + claims);
    }
}
