package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.HttpForms;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.users.Totp;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: the mobile app pushes its payment-confirmation request (RFC 9126 PAR, with RFC 9396 authorization_details)
 * instead of putting it in the browser's URL, then opens the browser with the request_uri alone (docs/api.md §4).
 */
@TxauthKeycloakTest
class PushedAuthorizationIT {

    private final TxauthServer server;

    PushedAuthorizationIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void pushedRequestWithAuthorizationDetailsConfirmsThePaymentOnceEndToEnd() {
        TestUser user = TestUsers.withOtp(server, "par");
        String id = new PaymentService(server).registerPayment(user.id(), "4200.00", "Ada Obi");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();

        String requestUri = push(app, app.authorizationParameters(pkce, Map.of("acr_values", "transaction",
                "authorization_details", PaymentService.reference(id))));
        Page page = app.authorize(Map.of("client_id", AuthorizationClient.MOBILE_APP, "request_uri", requestUri));
        page = app.submitPassword(page, user.username(), user.password());
        if (page.form(AuthorizationClient.OTP_FORM).isPresent()) {
            page = app.submitOtp(page, Totp.unspentCode(user.otpSecret(), 0, Totp.PERIOD_SECONDS, -Totp.PERIOD_SECONDS));
        }
        assertTrue(page.form(ConfirmationPage.FORM).isPresent(), page.document().text());
        assertTrue(page.document().text().contains("Ada Obi"), page.document().text());

        Page done = app.submit(page, ConfirmationPage.FORM, Map.of("otp",
                Totp.unspentCode(user.otpSecret(), Totp.PERIOD_SECONDS, 0, -Totp.PERIOD_SECONDS)));
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals("transaction", claims.path("acr").asText());
        assertEquals(id, claims.path("txn_id").asText());
        assertEquals(id, tokens.body().path("authorization_details").path(0).path("identifier").asText());

        Page reused = app.authorize(Map.of("client_id", AuthorizationClient.MOBILE_APP, "request_uri", requestUri));
        assertFalse(reused.form(ConfirmationPage.FORM).isPresent(), "a request_uri is single use");
        assertFalse(reused.isAppRedirect() && reused.appRedirectParameters().containsKey("code"));
    }

    @Test
    void pushedRequestWithoutPkceIsRefused() {
        AuthorizationClient app = server.newBrowser();
        Map<String, String> noPkce = app.authorizationParameters(null, Map.of("acr_values", "transaction"));
        HttpResponse<String> response = pushRaw(app, noPkce);
        assertEquals(400, response.statusCode(), response.body());
    }

    private String push(AuthorizationClient app, Map<String, String> parameters) {
        HttpResponse<String> response = pushRaw(app, parameters);
        assertEquals(201, response.statusCode(), response.body());
        String requestUri = Json.parse(response.body()).path("request_uri").asText();
        assertTrue(requestUri.startsWith("urn:ietf:params:oauth:request_uri:"), response.body());
        return requestUri;
    }

    private HttpResponse<String> pushRaw(AuthorizationClient app, Map<String, String> parameters) {
        return app.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                        + "/protocol/openid-connect/ext/par/request"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(parameters))));
    }
}
