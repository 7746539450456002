package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: what a real browser renders and runs. Headless Chromium opens the confirmation page, the passkey button
 * (txauth-passkey.js) completes a confirmation with Chromium's virtual authenticator holding a passkey registered
 * through Keycloak's own page, and a hostile payee name stays text.
 */
@TxauthKeycloakTest
class TransactionBrowserIT {

    private static final Path SCREENSHOTS = PasskeyRegistrationIT.SCREENSHOTS;

    private final TxauthServer server;
    private final PaymentService paymentService;

    TransactionBrowserIT(TxauthServer server, PaymentService paymentService) {
        this.server = server;
        this.paymentService = paymentService;
    }

    @Test
    void passkeyButtonConfirmsTheTransactionInChromium(@WithTotp TestUser user, AuthorizationClient app,
                                                       ChromeBrowser chrome) throws Exception {
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + user.id(),
                Map.of("requiredActions", List.of("webauthn-register"))).status());
        chrome.addPlatformAuthenticator();
        WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30));

        // The user enrols a passkey on Keycloak's own registration page at an ordinary sign-in.
        Pkce login = Pkce.s256();
        chrome.open(app.authorizationUrl(login, Map.of()));
        chrome.signIn(user);
        // A browser the user never used before steps up first (device risk).
        chrome.answerOtpIfAsked(user, By.id("registerWebAuthn"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertEquals(200, app.tokens().exchangeCode(PasskeyRegistrationIT.code(
                chrome.awaitAppRedirect(Duration.ofSeconds(30))), login).status());

        // The payment service registers a payment; the app sends the user to confirm it.
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        long started = System.nanoTime();
        Pkce pkce = PaymentJourney.confirmationPageIn(chrome, app, user, id);

        WebElement button = chrome.awaitClickable(By.id("txauth-passkey-button"));
        assertTrue(chrome.visibleText().contains("Ada Obi"), chrome.visibleText());
        Path screenshot = chrome.screenshot(SCREENSHOTS.resolve("transaction-confirm.png"));
        button.click();
        String code = PasskeyRegistrationIT.code(chrome.awaitAppRedirect(Duration.ofSeconds(30)));
        long browserMillis = (System.nanoTime() - started) / 1_000_000;

        TokenResponse tokens = app.tokens().exchangeCode(code, pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals("transaction", claims.path("acr").asText());
        assertEquals(id, claims.path("txn_id").asText());
        assertEquals("50000.00", claims.path("txn_amount").asText());
        assertEquals("NUBAN:058:0123456789", claims.path("txn_destination").asText());
        assertEquals("passkey", paymentService.get(id).json().path("method").asText("passkey"));
        assertEquals("APPROVED", paymentService.get(id).json().path("status").asText());
        assertTrue(Files.size(screenshot) > 1000, "screenshot is empty");
        System.out.printf("Chromium transaction confirmation (open page -> passkey -> app redirect): %d ms%n",
                browserMillis);
    }

    @Test
    void scriptInPayeeIsShownAsTextAndNeverRuns(@WithTotp TestUser user, AuthorizationClient app,
                                                ChromeBrowser chrome) {
        String script = "<script>alert(1)</script>";
        String id = paymentService.registerPayment(user.id(), "12.00", script);
        PaymentJourney.confirmationPageIn(chrome, app, user, id);

        WebElement payee = chrome.awaitClickable(By.id("txauth-payee"));
        chrome.screenshot(SCREENSHOTS.resolve("transaction-confirm-script-payee.png"));
        assertEquals(script, payee.getText());
        assertTrue(chrome.openDialog().isEmpty(), "an alert fired: " + chrome.openDialog().orElse(""));
        assertEquals(0, chrome.driver().findElements(By.cssSelector("#txauth-payment script")).size());
    }
}
