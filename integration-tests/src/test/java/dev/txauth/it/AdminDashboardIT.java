package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.RealmAdmins;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §12: a fraud admin signs in to the dashboard in a real Chromium, reads the charts, opens one user,
 * unbinds their device and signs their sessions out; someone without view-events is refused; hostile names stay text.
 */
@TxauthKeycloakTest
class AdminDashboardIT {

    /** Hostile text in a username and a payee name: must show up as these characters and nothing else. */
    static final String XSS_USER = "<script>alert('user')</script>\"><img src=x onerror=alert('user-img')>";
    static final String XSS_PAYEE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final List<String> CHARTS = List.of("logins", "risk", "step-ups", "transactions", "volume",
            "devices", "throttled");

    private final TxauthServer server;
    private final DeviceRiskSupport risk;
    private final PaymentService payments;

    AdminDashboardIT(TxauthServer server, DeviceRiskSupport risk, PaymentService payments) {
        this.server = server;
        this.risk = risk;
        this.payments = payments;
    }

    @Test
    void adminReadsChartsThenUnbindsADeviceAndSignsOutSessionsOfOneUser(ChromeBrowser chrome) throws Exception {
        TestUser admin = TestUsers.withOtp(server, "dash-admin");
        RealmAdmins.grant(server, admin, "view-events", "view-users", "manage-users", "view-realm");
        TestUser victim = TestUsers.withOtp(server, "dash-victim");
        risk.loginWithOtp(risk.browser(DeviceRiskSupport.randomIp()), victim, 0);
        payments.registerPayment(victim.id(), "7500.00", XSS_PAYEE);
        failedLoginAs(XSS_USER);
        renameInDatabase(victim, XSS_USER);
        // The browser device the login trusted; the user's bound app key (docs/api.md §8) is listed beside it.
        String browserDevice = browserDevice(victim);
        assertFalse(browserDevice.isEmpty(), "the victim's browser device is known");
        assertFalse(server.admin().get(sessions(victim)).json().isEmpty(), "the victim is signed in");

        signIn(chrome, admin);
        for (String chart : CHARTS) {
            WebElement panel = chrome.driver().findElement(By.id("chart-" + chart));
            assertFalse(panel.findElements(By.cssSelector(".uplot canvas")).isEmpty(), chart + " drawn by uPlot");
            assertFalse(panel.findElements(By.cssSelector("td[data-total]")).isEmpty(), chart + " totals");
        }
        assertTrue(total(chrome, "logins") >= 2, "the admin's and the victim's logins");
        assertTrue(total(chrome, "failed_logins") >= 1);
        assertTrue(total(chrome, "transactions_registered") >= 1);
        assertTrue(total(chrome, "ngn_volume_pending") >= 7500, "the victim's pending NGN 7,500");
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                By.id("chain-state"), "data-valid", "true"));
        assertTrue(chrome.visibleText().contains(XSS_USER), "the hostile username of the failed login, as text");
        assertInert(chrome, "overview");
        screenshots(chrome, "dashboard-overview");

        chrome.driver().findElement(By.id("tab-users")).click();
        chrome.driver().findElement(By.id("user-query")).sendKeys(victim.username());
        chrome.driver().findElement(By.cssSelector("#user-search button")).click();
        chrome.awaitClickable(By.cssSelector("button[data-user-id='" + victim.id() + "']")).click();
        WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-transactions"), "7500.00"));
        assertEquals(XSS_USER, chrome.driver().findElement(By.id("user-title")).getText());
        assertTrue(chrome.driver().findElement(By.id("user-transactions")).getText().contains(XSS_PAYEE));
        assertTrue(chrome.driver().findElement(By.id("user-transactions")).getText().contains("…6789"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-limits"), "."));
        assertFalse(chrome.driver().findElement(By.id("user-limits")).getText().contains("403"), "limits readable");
        assertInert(chrome, "user view");
        screenshots(chrome, "dashboard-user");

        WebElement unbind = chrome.awaitClickable(By.cssSelector(
                "#user-devices button[data-device='" + browserDevice + "']"));
        unbind.click();
        unbind.click();
        wait.until(d -> browserDevice(victim).isEmpty());
        WebElement signOut = chrome.awaitClickable(By.id("sign-out-sessions"));
        signOut.click();
        signOut.click();
        wait.until(d -> server.admin().get(sessions(victim)).json().isEmpty());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-message")));
        assertInert(chrome, "after the actions");
    }

    @Test
    void speaksFrench(ChromeBrowser chrome) {
        TestUser admin = TestUsers.withOtp(server, "dash-fr");
        RealmAdmins.grant(server, admin, "view-events");
        signIn(chrome, admin);
        chrome.driver().findElement(By.id("lang-fr")).click();
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(
                By.cssSelector("#chart-logins h2"), "Connexions et échecs de connexion"));
        assertEquals("fr", chrome.driver().findElement(By.tagName("html")).getAttribute("lang"));
        screenshots(chrome, "dashboard-overview-fr");
    }

    @Test
    void aUserWithoutViewEventsIsRefused(ChromeBrowser chrome) {
        TestUser user = TestUsers.withOtp(server, "dash-nobody");
        RealmAdmins.grant(server, user, "view-users");
        chrome.open(server.realmUrl() + "/txauth-dashboard/");
        chrome.signIn(user);
        chrome.answerOtpIfAsked(user, By.cssSelector("#refused:not([hidden])"));
        WebElement refused = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        assertTrue(refused.getText().contains("view-events"), refused.getText());
        assertFalse(chrome.driver().findElement(By.id("dashboard")).isDisplayed());
        assertTrue(chrome.driver().findElements(By.cssSelector(".uplot")).isEmpty(), "no chart, no data");
        screenshots(chrome, "dashboard-refused");
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicyAndNothingElseOfTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                + "/txauth-dashboard/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self';") && csp.contains("style-src 'self';") && !csp.contains("unsafe"),
                csp);
        assertFalse(page.body().contains("<script>"), "no inline script");
        assertFalse(page.body().contains("style="), "no inline style");
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                + "/txauth-dashboard/vendor/uPlot.iife.min.js")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                + "/txauth-dashboard/dev/txauth/dashboard/DashboardResource.class")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<Void> bare = http.send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/txauth-dashboard"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(301, bare.statusCode(), "relative script URLs need the trailing slash");
        assertTrue(bare.headers().firstValue("Location").orElseThrow().endsWith("/realms/payments/txauth-dashboard/"));
    }

    private void signIn(ChromeBrowser chrome, TestUser admin) {
        chrome.driver().manage().window().setSize(new Dimension(1280, 900));
        chrome.open(server.realmUrl() + "/txauth-dashboard/");
        chrome.signIn(admin);
        By loaded = By.cssSelector("#charts[data-loaded='true']");
        chrome.answerOtpIfAsked(admin, loaded);
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(loaded));
    }

    private static long total(ChromeBrowser chrome, String series) {
        return Math.round(Double.parseDouble(chrome.driver().findElement(By.cssSelector(
                "tr[data-series='" + series + "'] td[data-total]")).getAttribute("data-total")));
    }

    /** No dialog opened, no element the payloads would have created, only the page's own scripts. */
    private static void assertInert(ChromeBrowser chrome, String view) {
        assertEquals(java.util.Optional.empty(), chrome.openDialog(), view + ": a script ran");
        assertTrue(chrome.driver().findElements(By.cssSelector("img")).isEmpty(), view + ": an injected img");
        List<WebElement> scripts = chrome.driver().findElements(By.tagName("script"));
        for (WebElement script : scripts) {
            assertFalse(script.getAttribute("src").isBlank(), view + ": an inline script element");
        }
        assertEquals(7, scripts.size(), view + ": only the page's own scripts");
    }

    private static void screenshots(ChromeBrowser chrome, String name) {
        Dimension desktop = new Dimension(1280, 900);
        chrome.driver().manage().window().setSize(desktop);
        chrome.screenshot(SHOTS.resolve(name + "-1280.png"));
        chrome.driver().manage().window().setSize(new Dimension(360, 800));
        DeviceRiskSupport.sleep(600); // uPlot redraws on the resize event
        Number overflow = (Number) chrome.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, name + " is wider than a 360 px phone by " + overflow + " px");
        chrome.screenshot(SHOTS.resolve(name + "-360.png"));
        chrome.driver().manage().window().setSize(desktop);
    }

    private void failedLoginAs(String username) {
        AuthorizationClient app = server.newBrowser();
        app.submitPassword(app.authorize(app.authorizationParameters(Pkce.s256(), Map.of())), username, "nope-1");
    }

    /**
     * Keycloak's user profile refuses such a username through its own API, but a federated or migrated directory
     * can still bring one in; the dashboard must stay safe either way, so the test writes it where Keycloak reads it.
     */
    private void renameInDatabase(TestUser user, String username) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement update = db.prepareStatement("UPDATE user_entity SET username = ? WHERE id = ?")) {
            update.setString(1, username);
            update.setString(2, user.id());
            assertEquals(1, update.executeUpdate());
        }
        AdminClient.Response cleared = server.admin().post("/admin/realms/payments/clear-user-cache", null);
        assertEquals(204, cleared.status(), cleared.body());
    }

    /** The id of the user's one browser device (not the bound app key), or "" when there is none. */
    private String browserDevice(TestUser user) {
        for (JsonNode device : server.admin().get(devices(user)).json()) {
            if (!device.path("bound").asBoolean()) {
                return device.path("id").asText();
            }
        }
        return "";
    }

    private static String devices(TestUser user) {
        return "/admin/realms/payments/txauth-devices/users/" + user.id();
    }

    private static String sessions(TestUser user) {
        return "/admin/realms/payments/users/" + user.id() + "/sessions";
    }
}
