package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Story (docs/api.md §8, docs/payment-controls.md "Self-service page"): in a real Chromium the user opens the page,
 * signs in with a second factor, sees the current limits and opt-out, changes them, and the next registration obeys.
 */
@TxauthKeycloakTest
class SelfServicePageIT {

    private final TxauthServer server;

    SelfServicePageIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void userChangesLimitsAndOptsOutOnThePageAfterASecondFactor(@WithTotp TestUser user, ChromeBrowser chrome) {
        chrome.open(server.realmUrl() + "/txauth/me/page");
        chrome.signIn(user);
        chrome.answerOtpIfAsked(user, By.id("txauth-controls-save"));
        WebElement save = chrome.awaitClickable(By.id("txauth-controls-save"));
        WebElement perTransaction = chrome.driver().findElement(By.id("per_transaction"));
        WebElement instant = chrome.driver().findElement(By.id("instant_enabled"));
        assertEquals("", perTransaction.getAttribute("value"), "no own limit yet");
        assertEquals("true", String.valueOf(instant.isSelected()), "new users start enabled");

        perTransaction.sendKeys("30000.00");
        chrome.driver().findElement(By.id("daily")).sendKeys("90000.00");
        save.click();
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(
                By.id("txauth-controls-status"), "Saved."));

        assertEquals(List.of(Map.of("per_transaction_minor", "3000000", "daily_minor", "9000000",
                        "instant_payments_enabled", "true")),
                new KeycloakTables(server).query("SELECT per_transaction_minor, daily_minor, instant_payments_enabled"
                        + " FROM txauth_user_ledger WHERE user_id = ?", user.id()));
        PaymentService payments = new PaymentService(server);
        PaymentService.Answer over = payments.register(PaymentService.registration(user.id(),
                AuthorizationClient.MOBILE_APP, PaymentService.paymentDetail("40000.00", "Ada")));
        assertEquals(422, over.status(), over.body());
        assertEquals("per_transaction", over.json().path("limit").asText());

        instant.click();
        save.click();
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(
                By.id("txauth-controls-status"), "Saved."));
        assertEquals("instant_payments_disabled", payments.register(PaymentService.registration(user.id(),
                AuthorizationClient.MOBILE_APP, PaymentService.paymentDetail("10.00", "Ada"))).error());
    }
}
