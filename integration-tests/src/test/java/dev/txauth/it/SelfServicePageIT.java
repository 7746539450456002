package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Http;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8, docs/payment-controls.md "Self-service page"): in a real Chromium the user finds the page in
 * Keycloak's account console, opens it, signs in with a second factor, sees the current limits and opt-out, changes
 * them, and the next registration obeys; a French-speaking user gets the page in French.
 */
@TxauthKeycloakTest
class SelfServicePageIT {

    private static final Path SCREENSHOTS = PasskeyRegistrationIT.SCREENSHOTS;
    private static final By SAVE = By.id("txauth-controls-save");
    private static final By STATUS = By.id("txauth-controls-status");

    private final TxauthServer server;

    SelfServicePageIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void userChangesLimitsAndOptsOutOnThePageAfterASecondFactor(@WithTotp TestUser user, ChromeBrowser chrome) {
        chrome.open(server.realmUrl() + "/txauth/me/page");
        chrome.signIn(user);
        chrome.answerOtpIfAsked(user, SAVE);
        WebElement save = chrome.awaitClickable(SAVE);
        WebElement perTransaction = chrome.driver().findElement(By.id("per_transaction"));
        WebElement instant = chrome.driver().findElement(By.id("instant_enabled"));
        assertEquals("", perTransaction.getAttribute("value"), "no own limit yet");
        assertEquals("true", String.valueOf(instant.isSelected()), "new users start enabled");

        perTransaction.sendKeys("30000.00");
        chrome.driver().findElement(By.id("daily")).sendKeys("90000.00");
        save.click();
        awaitStatus(chrome, "Saved.");

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
        awaitStatus(chrome, "Saved.");
        assertEquals("instant_payments_disabled", payments.register(PaymentService.registration(user.id(),
                AuthorizationClient.MOBILE_APP, PaymentService.paymentDetail("10.00", "Ada"))).error());
    }

    @Test
    void theAccountConsoleListsThePageAndItsLinkOpensIt(@WithTotp TestUser user, ChromeBrowser chrome) {
        chrome.open(server.realmUrl() + "/account/applications");
        chrome.signIn(user);
        By link = By.partialLinkText("Payment limits");
        chrome.answerOtpIfAsked(user, link);
        WebElement entry = chrome.awaitClickable(link);
        chrome.screenshot(SCREENSHOTS.resolve("account-console-applications.png"));
        String console = chrome.driver().getWindowHandle();

        entry.click(); // the console opens an application's URL in a new tab
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(d -> d.getWindowHandles().size() > 1);
        String page = chrome.driver().getWindowHandles().stream().filter(h -> !h.equals(console)).findFirst()
                .orElseThrow();
        chrome.driver().switchTo().window(page);
        passwordAgain(chrome, user); // the page asks for max_age=0: a signed-in user authenticates afresh
        chrome.answerOtpIfAsked(user, SAVE);
        chrome.awaitClickable(SAVE);
        assertTrue(chrome.driver().getCurrentUrl().startsWith(server.realmUrl() + "/txauth/me/page"),
                chrome.driver().getCurrentUrl());
        assertEquals("Payment limits", chrome.driver().findElement(By.tagName("h1")).getText());
        chrome.screenshot(SCREENSHOTS.resolve("self-service-page-en.png"));
    }

    @Test
    void aUserWhoseLanguageIsFrenchGetsThePageInFrench(@WithTotp TestUser user, ChromeBrowser chrome) {
        speaks(user, "fr");
        chrome.open(server.realmUrl() + "/txauth/me/page"); // the browser itself asks for en-US
        chrome.signIn(user);
        chrome.answerOtpIfAsked(user, SAVE);
        WebElement save = chrome.awaitClickable(SAVE);
        assertEquals("fr", chrome.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Plafonds de paiement", chrome.driver().findElement(By.tagName("h1")).getText());
        assertEquals("Enregistrer", save.getText());
        assertEquals("Maximum par virement (NGN, vide : le plafond réglementaire)",
                chrome.driver().findElement(By.cssSelector("label[for=per_transaction]")).getText());

        chrome.driver().findElement(By.id("daily")).sendKeys("1000.00");
        save.click();
        awaitStatus(chrome, "Enregistré.");
        chrome.screenshot(SCREENSHOTS.resolve("self-service-page-fr.png"));

        chrome.driver().findElement(By.id("per_transaction")).sendKeys("2000.00"); // above the daily limit
        save.click();
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(STATUS,
                Pattern.compile("^Non enregistré : .+")));
        chrome.screenshot(SCREENSHOTS.resolve("self-service-page-fr-error.png"));
    }

    @Test
    void beforeSignInThePageFollowsUiLocalesThenAcceptLanguageThenTheRealmDefault() {
        assertEquals("en", language(null, null));
        assertEquals("fr", language("fr", null));
        assertEquals("fr", language(null, "fr-FR,fr;q=0.9,en;q=0.5"));
        assertEquals("fr", language("yo de", "fr"), "an unsupported ui_locales falls through");
        assertEquals("en", language("en", "fr"), "ui_locales before Accept-Language");
        assertEquals("en", language("<script>", null));
    }

    /** The page's {@code <html lang>}, checked to agree with Content-Language, the title and the CSP. */
    private String language(String uiLocales, String acceptLanguage) {
        String url = server.realmUrl() + "/txauth/me/page" + (uiLocales == null ? ""
                : "?ui_locales=" + URLEncoder.encode(uiLocales, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> page = Http.send(Http.client(), request);
        assertEquals(200, page.statusCode(), page.body());
        String lang = page.body().replaceAll("(?s).*<html lang=\"([a-z-]+)\">.*", "$1");
        assertEquals(lang, page.headers().firstValue("Content-Language").orElse(""));
        assertTrue(page.body().contains(lang.equals("fr") ? "<title>Plafonds de paiement</title>"
                : "<title>Payment limits</title>"), page.body());
        assertFalse(page.body().contains("{{") || page.body().contains("<script>"), page.body());
        assertEquals(List.of("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
                page.headers().allValues("Content-Security-Policy"), "the page's own CSP, not the realm's");
        assertEquals(List.of("DENY"), page.headers().allValues("X-Frame-Options"));
        return lang;
    }

    /** Re-authentication: Keycloak shows the password field, with the username field only when it asks for it. */
    private static void passwordAgain(ChromeBrowser chrome, TestUser user) {
        WebElement password = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        chrome.driver().findElements(By.id("username")).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(username -> username.sendKeys(user.username()));
        password.sendKeys(user.password());
        chrome.driver().findElement(By.id("kc-login")).click();
    }

    /** The user's {@code locale} attribute, which Keycloak's own pages follow too. */
    private void speaks(TestUser user, String locale) {
        var rep = Map.of("attributes", Map.of("locale", List.of(locale)), "email", user.username() + "@example.test",
                "firstName", "Test", "lastName", "User");
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + user.id(), rep).status());
    }

    private static void awaitStatus(ChromeBrowser chrome, String text) {
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(STATUS, text));
    }
}
