package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.TransactionConfirmation;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.Totp;
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

    TransactionBrowserIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    @Test
    void passkeyButtonConfirmsTheTransactionInChromium() throws Exception {
        TestUser user = TestUsers.withOtp(server, "chrome-pk");
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + user.id(),
                Map.of("requiredActions", List.of("webauthn-register"))).status());
        AuthorizationClient app = server.newBrowser();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            chrome.addPlatformAuthenticator();
            WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30));

            // The user enrols a passkey on Keycloak's own registration page at an ordinary sign-in.
            Pkce login = Pkce.s256();
            chrome.open(PasskeyRegistrationIT.authorizationUrl(app, login, Map.of()));
            signIn(chrome, wait, user);
            // A browser the user never used before steps up first (device risk).
            chrome.answerOtpIfAsked(user, By.id("registerWebAuthn"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn"))).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            assertEquals(200, app.tokens().exchangeCode(PasskeyRegistrationIT.code(
                    chrome.awaitAppRedirect(Duration.ofSeconds(30))), login).status());

            // The payment service registers a payment; the app sends the user to confirm it.
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            Pkce pkce = Pkce.s256();
            long started = System.nanoTime();
            chrome.open(PasskeyRegistrationIT.authorizationUrl(app, pkce, Map.of("acr_values", "transaction",
                    "authorization_details", TransactionConfirmation.reference(id))));
            answerSecondFactor(chrome, wait, user);

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
    }

    @Test
    void scriptInPayeeIsShownAsTextAndNeverRuns() {
        String script = "<script>alert(1)</script>";
        TestUser user = TestUsers.withOtp(server, "chrome-xss");
        String id = paymentService.registerPayment(user.id(), "12.00", script);
        AuthorizationClient app = server.newBrowser();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30));
            chrome.open(PasskeyRegistrationIT.authorizationUrl(app, Pkce.s256(), Map.of("acr_values", "transaction",
                    "authorization_details", TransactionConfirmation.reference(id))));
            signIn(chrome, wait, user);
            answerSecondFactor(chrome, wait, user);

            WebElement payee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("txauth-payee")));
            chrome.screenshot(SCREENSHOTS.resolve("transaction-confirm-script-payee.png"));
            assertEquals(script, payee.getText());
            assertTrue(chrome.openDialog().isEmpty(), "an alert fired: " + chrome.openDialog().orElse(""));
            assertEquals(0, chrome.driver().findElements(By.cssSelector("#txauth-payment script")).size());
        }
    }

    private static void signIn(ChromeBrowser chrome, WebDriverWait wait, TestUser user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.username());
        chrome.driver().findElement(By.id("password")).sendKeys(user.password());
        chrome.driver().findElement(By.id("kc-login")).click();
    }

    /** Level 2 before the transaction step: the user's authenticator-app code (the realm asks for it first). */
    private static void answerSecondFactor(ChromeBrowser chrome, WebDriverWait wait, TestUser user) {
        if (!chrome.driver().findElements(By.id("username")).isEmpty()) {
            signIn(chrome, wait, user);
        }
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("otp")),
                ExpectedConditions.presenceOfElementLocated(By.id("txauth-confirm-form"))));
        if (chrome.driver().findElements(By.id("txauth-confirm-form")).isEmpty()) {
            chrome.driver().findElement(By.id("otp")).sendKeys(Totp.unspentCode(user.otpSecret(), 0,
                    Totp.PERIOD_SECONDS, -Totp.PERIOD_SECONDS));
            chrome.driver().findElement(By.id("kc-login")).click();
        }
    }
}
