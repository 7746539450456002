package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.users.RealmAdmins;
import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.HttpForms;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-IP login throttle of docs/api.md §10 on a real server: 5 failed passwords per (IP, account), 100 per IP,
 * in the settings' window; beyond, 429 with Retry-After and the themed page, and no password is checked. Each test
 * plays its attacker and its user from IPs of its own (X-Forwarded-For, trusted from loopback by the test server).
 */
@TxauthKeycloakTest
class LoginThrottleIT {

    static final String SETTINGS = "/admin/realms/payments/txauth-settings";
    private static final String THROTTLED = "TXAUTH_LOGIN_THROTTLED";

    private final TxauthServer server;
    private final AuditTable audit;

    LoginThrottleIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    @Test
    void sixthAttemptForOneAccountFromOneIpIsRefusedWith429EvenWithTheRightPassword() {
        TestUser alice = TestUsers.withOtp(server, "throttled");
        String ipA = randomIp();
        AuthorizationClient attacker = browser(ipA);
        HttpResponse<String> last = wrongPasswords(attacker, alice.username(), 5);
        assertEquals(200, last.statusCode(), "the 5th failure is still an ordinary failed login");
        assertEquals(5, pairFailures(ipA, alice.id()), "five failures of (ip A, alice), cluster-wide table");
        int keycloakFailures = bruteForceFailures(alice);
        long loginErrors = loginErrors(alice);

        HttpResponse<String> sixth = attempt(attacker, page(last), alice.username(), alice.password());
        assertThrottled(sixth, "Too many sign-in attempts");
        assertThrottled(freshAttempt(ipA, alice.username(), "wrong"), "Too many sign-in attempts");

        // No password was checked: Keycloak's brute-force record, the failure count and LOGIN_ERROR rows stand still.
        assertEquals(keycloakFailures, bruteForceFailures(alice));
        assertEquals(5, pairFailures(ipA, alice.id()));
        Map<String, Object> row = awaitThrottledRow(ipA, 2);
        assertEquals("ip_username", AuditTable.details(row).path("throttle_scope").asText(), row.toString());
        assertEquals(loginErrors, loginErrors(alice), "a throttled attempt is no failed login");

        // The same account from another address is not throttled (once Keycloak's own per-user lock is lifted): the
        // password is checked and accepted, and the risk step after it denies this login — 5 recent failures of the
        // user (txauth's cluster-wide count), an unknown device, a new network: 30 + 40 + 20 = 90 >= 80.
        assertEquals(204, server.admin().delete("/admin/realms/payments/attack-detection/brute-force/users/"
                + alice.id()).status());
        AuthorizationClient fromB = browser(randomIp());
        Page afterPassword = fromB.submitPassword(loginPage(fromB), alice.username(), alice.password());
        assertEquals(403, afterPassword.status(), "ip B passes the password step: " + afterPassword.describe());
        assertNotNull(afterPassword.document().getElementById("txauth-risk-denied"), afterPassword.describe());
        // ... while ip A stays throttled: Keycloak's record is not where the throttle counts.
        assertThrottled(freshAttempt(ipA, alice.username(), alice.password()), "Too many sign-in attempts");
    }

    @Test
    void theThrottledPageIsInTheUsersLanguage() {
        TestUser user = TestUsers.withPassword(server, "throttled-fr");
        String ip = randomIp();
        wrongPasswords(browser(ip), user.username(), 5);
        AuthorizationClient french = browser(ip);
        Page login = french.authorize(french.authorizationParameters(Pkce.s256(), Map.of("ui_locales", "fr")));
        assertThrottled(attempt(french, login, user.username(), user.password()), "Trop de tentatives de connexion");
    }

    @Test
    void hundredFailuresFromOneIpOverManyUsernamesRefuseThatIp() {
        String ipC = randomIp();
        AuthorizationClient attacker = browser(ipC);
        Page page = loginPage(attacker);
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> failed = attempt(attacker, page, "nobody-" + i + "-" + System.nanoTime(), "guess");
            assertEquals(200, failed.statusCode(), "failure " + (i + 1) + " is an ordinary failed login");
            page = page(failed);
        }
        assertEquals(100, ipFailures(ipC));

        // The form itself is refused to that IP, before any username.
        HttpResponse<String> form = attacker.send(HttpRequest.newBuilder(URI.create(
                attacker.authorizationUrl(Pkce.s256(), Map.of()))).GET());
        assertThrottled(form, "Too many sign-in attempts");
        // ... and a real account's right password from it.
        TestUser user = TestUsers.withPassword(server, "behind-cgnat");
        assertThrottled(attempt(attacker, page, user.username(), user.password()), "Too many sign-in attempts");
        assertEquals("ip", AuditTable.details(awaitThrottledRow(ipC, 2)).path("throttle_scope").asText());
        assertEquals(100, ipFailures(ipC), "throttled attempts add nothing");

        AuthorizationClient elsewhere = browser(randomIp());
        Page otherIp = elsewhere.submitPassword(loginPage(elsewhere), user.username(), user.password());
        assertTrue(otherIp.isAppRedirect() || otherIp.form(AuthorizationClient.OTP_FORM).isPresent()
                || otherIp.status() == 200 && otherIp.form(AuthorizationClient.LOGIN_FORM).isEmpty(),
                "another IP passes the password: " + otherIp.describe());
    }

    @Test
    void aShorterWindowLetsTheAddressInAgainAfterRetryAfter() throws Exception {
        TestUser user = TestUsers.withPassword(server, "window");
        String ip = randomIp();
        wrongPasswords(browser(ip), user.username(), 5);
        assertThrottled(freshAttempt(ip, user.username(), user.password()), "Too many sign-in attempts");
        try {
            window(1);
            HttpResponse<String> stillRefused = freshAttempt(ip, user.username(), user.password());
            if (stillRefused.statusCode() == 429) {
                long retryAfter = Long.parseLong(stillRefused.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "a one-minute window: " + retryAfter);
                Thread.sleep(retryAfter * 1000 + 500);
            }
            assertEquals(204, server.admin().delete("/admin/realms/payments/attack-detection/brute-force/users/"
                    + user.id()).status());
            AuthorizationClient later = browser(ip);
            Page in = later.submitPassword(loginPage(later), user.username(), user.password());
            assertTrue(in.status() != 429 && in.form(AuthorizationClient.LOGIN_FORM).isEmpty(),
                    "after Retry-After the password is checked and accepted: " + in.describe());
        } finally {
            window(15);
        }
    }

    @Test
    void addressesInsideOneIpv6Slash64CountAsOne() {
        TestUser user = TestUsers.withPassword(server, "ipv6");
        // fec0::/10 (site-local): a private range the realm's sslRequired=external accepts over plain http.
        String prefix = String.format("fec0:%x:%x:%x:", (int) (Math.random() * 0xffff), (int) (Math.random() * 0xffff),
                (int) (Math.random() * 0xffff));
        for (int i = 1; i <= 5; i++) {
            AuditTable.sleep(1100); // beyond the realm's quick-login check
            wrongPasswords(browser(prefix + ":" + Integer.toHexString(i)), user.username(), 1);
        }
        assertEquals(5, counter("ip", prefix + ":/64"),
                "one /64, one count");
        assertThrottled(freshAttempt(prefix + "abcd:1:2:3", user.username(), user.password()),
                "Too many sign-in attempts");
    }

    @Test
    void oddForwardedForValuesNeverBreakTheLoginPage() {
        TestUser user = TestUsers.withPassword(server, "odd-xff");
        for (String odd : List.of("not-an-ip", "999.1.1.1", "unknown", "1.2.3.4, 5.6.7.8", "x".repeat(3000),
                "<script>alert(1)</script>")) {
            AuthorizationClient browser = browser(odd);
            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(
                    browser.authorizationUrl(Pkce.s256(), Map.of()))).GET());
            assertTrue(form.statusCode() < 500, odd.length() > 40 ? "long value" : odd + " → " + form.statusCode());
            if (form.statusCode() == 200) {
                HttpResponse<String> failed = attempt(browser, page(form), user.username(), "wrong-password");
                assertTrue(failed.statusCode() == 200 || failed.statusCode() == 429,
                        "a wrong password behind X-Forwarded-For '" + abbreviate(odd) + "' → " + failed.statusCode());
            }
        }
    }

    @Test
    void theDashboardCountsTheThrottledIp() {
        TestUser admin = TestUsers.withOtp(server, "throttle-admin");
        RealmAdmins.grant(server, admin, "view-events");
        AppToken token = RealmAdmins.accessToken(server, admin);
        String query = "?bucket=hour&from=" + Instant.now().minus(1, ChronoUnit.HOURS) + "&to="
                + Instant.now().plus(1, ChronoUnit.HOURS);
        long before = stats(token, query).path("totals").path("throttled_ips").asLong();

        TestUser user = TestUsers.withPassword(server, "throttled-stats");
        String ip = randomIp();
        wrongPasswords(browser(ip), user.username(), 5);
        for (int i = 0; i < 3; i++) {
            assertThrottled(freshAttempt(ip, user.username(), user.password()), "Too many sign-in attempts");
        }
        awaitThrottledRow(ip, 3);

        JsonNode after = stats(token, query);
        assertEquals("txauth_audit_event", after.path("sources").path("throttled_ips").asText());
        long added = after.path("totals").path("throttled_ips").asLong() - before;
        assertTrue(added >= 1, "the throttled IP is counted (once, however often it was refused): " + added);
    }

    private JsonNode stats(AppToken token, String query) {
        HttpResponse<String> response = RealmAdmins.get(server, token, "/txauth-audit/stats" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body());
    }

    @Test
    void theThrottledPageInARealBrowser() throws Exception {
        TestUser user = TestUsers.withPassword(server, "throttled-shot");
        String ip = randomIp();
        wrongPasswords(browser(ip), user.username(), 5);
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            // Chromium comes from loopback; the trusted header makes it the throttled address, as a proxy would.
            chrome.driver().executeCdpCommand("Network.enable", Map.of());
            chrome.driver().executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("X-Forwarded-For", ip)));
            chrome.open(server.newBrowser().authorizationUrl(Pkce.s256(), Map.of()));
            chrome.driver().findElement(By.id("username")).sendKeys(user.username());
            chrome.driver().findElement(By.id("password")).sendKeys(user.password());
            chrome.driver().findElement(By.id("kc-login")).click();
            Element shown = null;
            for (int i = 0; i < 40 && shown == null; i++) {
                shown = Jsoup.parse(chrome.driver().getPageSource()).getElementById("txauth-login-throttled");
                if (shown == null) {
                    AuditTable.sleep(250);
                }
            }
            assertNotNull(shown, chrome.visibleText());
            assertTrue(chrome.visibleText().contains("Too many sign-in attempts"), chrome.visibleText());
            chrome.screenshot(Path.of("target", "screenshots", "login-throttled.png"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private AuthorizationClient browser(String ip) {
        return server.newBrowser().forwardedFor(ip).userAgent(DeviceRiskSupport.FIREFOX_LINUX);
    }

    static Page loginPage(AuthorizationClient browser) {
        Page page = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of()));
        assertTrue(page.form(AuthorizationClient.LOGIN_FORM).isPresent(), page.describe());
        return page;
    }

    /** A new browser from {@code ip}: opens the login page and submits it once. */
    private HttpResponse<String> freshAttempt(String ip, String username, String password) {
        AuthorizationClient browser = browser(ip);
        return attempt(browser, loginPage(browser), username, password);
    }

    /** {@code n} wrong passwords, spaced beyond the realm's 1 s quick-login check, as a patient guesser does. */
    private HttpResponse<String> wrongPasswords(AuthorizationClient browser, String username, int n) {
        Page page = loginPage(browser);
        HttpResponse<String> response = null;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                AuditTable.sleep(1100);
            }
            response = attempt(browser, page, username, "wrong-password-" + i);
            assertEquals(200, response.statusCode(), "failure " + (i + 1));
            page = page(response);
        }
        return response;
    }

    /** POSTs the login form as it is (hidden fields kept) and returns the raw answer, headers included. */
    static HttpResponse<String> attempt(AuthorizationClient browser, Page page, String username,
                                                String password) {
        Element form = page.form(AuthorizationClient.LOGIN_FORM).orElseThrow(() ->
                new AssertionError("no login form: " + page.describe()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type")) && !"checkbox".equals(input.attr("type"))) {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return browser.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(fields))));
    }

    static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.uri(), response.body(), null);
    }

    static void assertThrottled(HttpResponse<String> response, String title) {
        assertEquals(429, response.statusCode(), response.headers().firstValue("Location").orElse("") + " "
                + abbreviate(Jsoup.parse(response.body()).text()));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After")));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        var document = Jsoup.parse(response.body());
        assertNotNull(document.getElementById("txauth-login-throttled"), abbreviate(document.text()));
        assertTrue(document.text().contains(title), abbreviate(document.text()));
        assertTrue(document.select("input[name=password]").isEmpty(), "no password field on the throttled page");
        String text = document.text().toLowerCase();
        for (String secret : List.of("username", "per ip", "ip_username", "limit")) {
            assertFalse(text.contains(secret), "the page does not say which limit fired: " + secret);
        }
    }

    private void window(int minutes) {
        assertEquals(200, server.admin().put(SETTINGS, Map.of("throttle", Map.of("window_minutes", minutes)))
                .status());
    }

    private int bruteForceFailures(TestUser user) {
        return server.admin().get("/admin/realms/payments/attack-detection/brute-force/users/" + user.id()).json()
                .path("numFailures").asInt();
    }

    private long loginErrors(TestUser user) {
        AuditTable.sleep(1500); // the audit writer is asynchronous: let earlier rows land first
        return audit.rowsOfUser(user.id()).stream().filter(r -> "LOGIN_ERROR".equals(r.get("type"))).count();
    }

    private Map<String, Object> awaitThrottledRow(String ip, int atLeast) {
        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        List<Map<String, Object>> rows = List.of();
        while (System.currentTimeMillis() < deadline) {
            rows = audit.query("SELECT *, details::text AS details_json FROM txauth_audit_event WHERE type = ? "
                    + "AND ip_address = ? ORDER BY chain_seq", THROTTLED, ip);
            if (rows.size() >= atLeast) {
                return rows.get(rows.size() - 1);
            }
            AuditTable.sleep(250);
        }
        throw new AssertionError("expected " + atLeast + " " + THROTTLED + " rows for " + ip + ", got " + rows);
    }

    private int ipFailures(String ip) {
        return counter("ip", ip);
    }

    private int pairFailures(String ip, String userId) {
        return counter("ip_user", ip + "|" + userId);
    }

    private int counter(String kind, String subject) {
        return counter(server, kind, subject);
    }

    /** The cluster-wide count in txauth_login_counter (all minutes kept); also read by LoginThrottleClusterIT. */
    static int counter(TxauthServer server, String kind, String subject) {
        try (Connection c = server.openDatabase();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(n), 0) FROM txauth_login_counter "
                     + "WHERE kind = ? AND subject = ?")) {
            ps.setString(1, kind);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
