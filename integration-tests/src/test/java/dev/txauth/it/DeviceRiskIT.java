package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.txauth.testkit.risk.DeviceRiskSupport.DEVICE_COOKIE;
import static dev.txauth.testkit.risk.DeviceRiskSupport.describe;
import static dev.txauth.testkit.risk.DeviceRiskSupport.newLoginSameDevice;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device-risk story on the real server: a new device steps up and becomes known, a known device is let through,
 * a forgotten one steps up again, bad cookies are just unknown devices, users without a second factor must enrol.
 */
@TxauthKeycloakTest
class DeviceRiskIT {

    private final TxauthServer server;
    private final DeviceRiskSupport risk;

    DeviceRiskIT(TxauthServer server, DeviceRiskSupport risk) {
        this.server = server;
        this.risk = risk;
    }

    @Test
    void newDeviceStepsUpThenIsKnownThenForgottenStepsUpAgain(@WithTotp TestUser user) throws Exception {
        String ip = randomIp();
        AuthorizationClient browser = risk.browser(ip);

        // 1. first login from this browser: unknown device on a network never seen -> STEP_UP -> OTP
        Page afterPassword = risk.password(browser, user, Map.of());
        assertTrue(afterPassword.form(AuthorizationClient.OTP_FORM).isPresent(), describe(afterPassword));
        JsonNode first = risk.lastDecision(user.id());
        assertEquals("STEP_UP", first.path("risk_decision").asText());
        assertEquals("60", first.path("risk_score").asText());
        assertEquals("unknown_device,new_network", first.path("risk_signals").asText());

        String cookieHeader = browser.cookies().setCookieHeaders().stream()
                .filter(h -> h.startsWith(DEVICE_COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no TXAUTH_DEVICE cookie set"));
        String token = browser.cookies().value(DEVICE_COOKIE);
        assertEquals(43, token.length(), "256 random bits, base64url");
        String lower = cookieHeader.toLowerCase();
        assertTrue(lower.contains("httponly"), cookieHeader);
        assertTrue(lower.contains("samesite=lax"), cookieHeader);
        assertTrue(lower.contains("path=/realms/payments/"), cookieHeader);
        assertTrue(lower.contains("max-age="), cookieHeader);
        // http://localhost is a secure context for browsers; Keycloak marks its own cookies Secure there too
        assertTrue(lower.contains("secure"), cookieHeader);
        assertTrue(risk.deviceRows(user.id()).isEmpty(), "a device must not be stored before the second factor");

        Page done = browser.submitOtp(afterPassword, DeviceRiskSupport.otp(user, 0));
        assertTrue(done.isAppRedirect(), describe(done));
        assertNotNull(done.code());

        List<Map<String, Object>> rows = risk.deviceRows(user.id());
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(DeviceRiskSupport.sha256Hex(token), String.valueOf(row.get("device_hash")).trim());
        for (Object value : row.values()) {
            assertFalse(String.valueOf(value).contains(token), "the cookie value itself must never be stored");
        }
        assertEquals("Firefox on Linux", row.get("label"));
        assertEquals(ip, row.get("last_ip"));
        assertNotNull(row.get("trusted_at"));
        assertNotNull(row.get("first_seen"));
        assertEquals(1, risk.txauthEvents(user.id(), "device_trusted").size());

        // 2. same device, new login: ALLOW without any second factor
        newLoginSameDevice(browser);
        Page second = risk.password(browser, user, Map.of());
        assertTrue(second.isAppRedirect(), "a known device must not be asked for OTP: " + describe(second));
        JsonNode allowed = risk.lastDecision(user.id());
        assertEquals("ALLOW", allowed.path("risk_decision").asText());
        assertEquals("0", allowed.path("risk_score").asText());
        assertEquals("", allowed.path("risk_signals").asText(""));
        assertNotNull(second.code());

        // 3. the admin forgets the device: the next login from it steps up again
        List<JsonNode> devices = new ArrayList<>();
        server.admin().get("/admin/realms/payments/txauth-devices/users/" + user.id()).json().forEach(d -> {
            if (!d.path("bound").asBoolean()) {   // the bound phone (docs/api.md §8) is listed too
                devices.add(d);
            }
        });
        assertEquals(1, devices.size());
        String deviceId = devices.get(0).path("id").asText();
        assertEquals(204, server.admin().delete("/admin/realms/payments/txauth-devices/users/" + user.id()
                + "/devices/" + deviceId).status());
        assertTrue(risk.deviceRows(user.id()).isEmpty());
        List<JsonNode> forgotten = risk.txauthEvents(user.id(), "device_forgotten");
        assertEquals(1, forgotten.size());
        assertEquals(deviceId, forgotten.get(0).path("details").path("device_id").asText());

        newLoginSameDevice(browser);
        Page third = risk.password(browser, user, Map.of());
        assertTrue(third.form(AuthorizationClient.OTP_FORM).isPresent(), "a forgotten device is unknown: " + describe(third));
        assertEquals("STEP_UP", risk.lastDecision(user.id()).path("risk_decision").asText());
        Page thirdDone = browser.submitOtp(third, DeviceRiskSupport.otp(user, 1));
        assertTrue(thirdDone.isAppRedirect(), describe(thirdDone));
        assertEquals(1, risk.deviceRows(user.id()).size(), "known again after the second factor");
    }

    @Test
    void deviceLookupsUseTheUniqueIndexCreatedAtStart() throws Exception {
        try (java.sql.Connection c = server.openDatabase(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("select indexdef from pg_indexes where tablename = "
                    + "'txauth_device' and indexname = 'txauth_device_user_hash'")) {
                assertTrue(rs.next(), "unique index missing");
                assertEquals("CREATE UNIQUE INDEX txauth_device_user_hash ON public.txauth_device USING btree "
                        + "(realm_id, user_id, device_hash)", rs.getString(1));
            }
            // the table is tiny here, so forbid the sequential scan to see that the planner can use the index
            st.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (java.sql.ResultSet rs = st.executeQuery("explain select * from txauth_device "
                    + "where realm_id = 'r' and user_id = 'u'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("txauth_device_user_hash"), plan.toString());
        }
    }

    @Test
    void loginCompletesWithTokensAfterTheStepUp(@WithTotp TestUser user) {
        AuthorizationClient browser = risk.browser(randomIp());
        Pkce pkce = Pkce.s256();
        Page done = browser.login(user, pkce, Map.of());
        TokenResponse tokens = browser.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals(user.id(), tokens.accessTokenClaims().path("sub").asText());
    }

    @Test
    void forgedTruncatedOrForeignDeviceCookiesAreJustUnknownDevices() throws Exception {
        // Only this test's part of the log counts: other stories provoke server errors on purpose.
        long logStart = java.nio.file.Files.size(server.logFile());
        String ip = randomIp();
        TestUser owner = TestUsers.withOtp(server, "owner");
        AuthorizationClient ownerBrowser = risk.browser(ip);
        risk.loginWithOtp(ownerBrowser, owner, 0);
        String ownersToken = ownerBrowser.cookies().value(DEVICE_COOKIE);

        TestUser other = TestUsers.withOtp(server, "other");
        risk.loginWithOtp(risk.browser(ip), other, 0);   // other knows this network, so only the device is in doubt

        List<String> badValues = List.of(
                ownersToken,                                   // another user's valid device
                ownersToken.substring(0, 42),                  // truncated
                ownersToken + "A",                             // extended
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",   // forged, well-formed
                "not-a-device",                                // forged, malformed
                "");
        int step = 1;
        for (String bad : badValues) {
            DeviceRiskSupport.sleep(1_100);   // beyond the realm's quick-login check, see newLoginSameDevice
            AuthorizationClient browser = risk.browser(ip);
            browser.cookies().set(risk.realmUri(), DEVICE_COOKIE, bad);
            Page page = risk.password(browser, other, Map.of());
            assertEquals(200, page.status(), "cookie '" + bad + "': " + describe(page));
            assertTrue(page.form(AuthorizationClient.OTP_FORM).isPresent(), "cookie '" + bad + "': " + describe(page));
            JsonNode decision = risk.lastDecision(other.id());
            assertEquals("unknown_device", decision.path("risk_signals").asText(), "cookie '" + bad + "'");
            assertEquals("STEP_UP", decision.path("risk_decision").asText());
            if (step <= 1) {
                // one of them goes all the way, so the step-up really completes with a bad cookie
                Page done = browser.submitOtp(page, DeviceRiskSupport.otp(other, step++));
                assertTrue(done.isAppRedirect(), describe(done));
            }
        }
        assertEquals(1, risk.deviceRows(owner.id()).size(), "the owner's device is untouched");
        String log = java.nio.file.Files.readString(server.logFile()).substring((int) logStart);
        assertFalse(log.contains("Uncaught server error"), "no 500 in the server log");
    }

    @Test
    void userWithoutSecondFactorMustEnrolTotpOnStepUp(TestUser user) throws Exception {
        AuthorizationClient browser = risk.browser(randomIp());
        Page page = risk.password(browser, user, Map.of());
        assertFalse(page.isAppRedirect(), "a risky login must not complete on a password alone");
        assertTrue(page.form("form#kc-totp-settings-form").isPresent(), "expected TOTP enrolment: " + describe(page));
        assertEquals("STEP_UP", risk.lastDecision(user.id()).path("risk_decision").asText());
        assertTrue(risk.deviceRows(user.id()).isEmpty(), "enrolling is not passing a second factor");
    }

    @Test
    void mfaRequestAsksTheSecondFactorOnceAndRemembersTheDevice(@WithTotp TestUser user) throws Exception {
        AuthorizationClient browser = risk.browser(randomIp());
        Page afterPassword = risk.password(browser, user, Map.of("acr_values", "mfa"));
        assertTrue(afterPassword.form(AuthorizationClient.OTP_FORM).isPresent(), describe(afterPassword));
        Page done = browser.submitOtp(afterPassword, DeviceRiskSupport.otp(user, 0));
        assertTrue(done.isAppRedirect(), "one OTP is enough: " + describe(done));
        assertEquals(1, risk.deviceRows(user.id()).size());
    }

    @Test
    void networkIsComparedByIpv6Slash48() throws Exception {
        // site-local IPv6 (fec0::/10): the realm requires HTTPS for public addresses, and the test server is plain http
        TestUser user = TestUsers.withOtp(server, "ipv6");
        AuthorizationClient browser = risk.browser("fec0:77:1:a::10");
        risk.loginWithOtp(browser, user, 0);

        newLoginSameDevice(browser);
        browser.forwardedFor("fec0:77:1:b::99");   // same /48
        assertTrue(risk.password(browser, user, Map.of()).isAppRedirect());
        assertEquals("", risk.lastDecision(user.id()).path("risk_signals").asText(""));

        newLoginSameDevice(browser);
        browser.forwardedFor("fec0:78:1::1");      // another /48
        assertTrue(risk.password(browser, user, Map.of()).isAppRedirect(), "20 < step-up threshold 40");
        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("new_network", decision.path("risk_signals").asText());
        assertEquals("20", decision.path("risk_score").asText());
        assertEquals("ALLOW", decision.path("risk_decision").asText());
    }

    @Test
    void manyLoginsInAShortTimeAreASignal(@WithTotp TestUser user) {
        AuthorizationClient browser = risk.browser(randomIp());
        risk.loginWithOtp(browser, user, 0);                    // login 1
        for (int login = 2; login <= 10; login++) {
            newLoginSameDevice(browser);
            assertTrue(risk.password(browser, user, Map.of()).isAppRedirect());
        }
        assertEquals("", risk.lastDecision(user.id()).path("risk_signals").asText(""), "9 earlier logins: below 10");

        newLoginSameDevice(browser);                            // login 11: 10 earlier logins inside 10 minutes
        assertTrue(risk.password(browser, user, Map.of()).isAppRedirect(), "20 < step-up threshold 40");
        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("login_velocity", decision.path("risk_signals").asText());
        assertEquals("20", decision.path("risk_score").asText());
    }

    @Test
    void browserFamilyChangeIsASignal(@WithTotp TestUser user) throws Exception {
        String ip = randomIp();
        AuthorizationClient browser = risk.browser(ip);
        risk.loginWithOtp(browser, user, 0);

        AuthorizationClient phone = risk.browser(ip).userAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36");
        Page page = risk.password(phone, user, Map.of());
        assertTrue(page.form(AuthorizationClient.OTP_FORM).isPresent(), describe(page));
        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("unknown_device,user_agent_change", decision.path("risk_signals").asText());
        assertEquals("55", decision.path("risk_score").asText());
    }
}
