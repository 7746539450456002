package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.txauth.testkit.risk.DeviceRiskSupport.describe;
import static dev.txauth.testkit.risk.DeviceRiskSupport.newLoginSameDevice;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escalation with the realm's default policy: a failure storm from one IP, then guesses against the user too. Each test plays its clients from its own IP, so counters never leak between tests.
 */
@TxauthKeycloakTest
class DeviceRiskEscalationIT {

    /** Everything the deny page must never contain: the signals, the score, the words an attacker could learn from. */
    private static final List<String> SECRETS = List.of("unknown_device", "new_network", "user_failures",
            "ip_failures", "login_velocity", "user_agent_change", "large_amount", "score", "signal", "threshold");

    private final TxauthServer server;
    private final DeviceRiskSupport risk;

    DeviceRiskEscalationIT(TxauthServer server, DeviceRiskSupport risk) {
        this.server = server;
        this.risk = risk;
    }

    @Test
    void failureStormFromTheIpStepsUpAKnownDevice() {
        String ip = randomIp();
        TestUser user = TestUsers.withOtp(server, "storm");
        AuthorizationClient browser = risk.browser(ip);
        risk.loginWithOtp(browser, user, 0);

        guessUnknownUsernames(ip, 10);

        newLoginSameDevice(browser);
        Page page = risk.password(browser, user, Map.of());
        assertTrue(page.form(AuthorizationClient.OTP_FORM).isPresent(), "10 failures from the IP must step up: "
                + describe(page));
        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("ip_failures", decision.path("risk_signals").asText());
        assertEquals("50", decision.path("risk_score").asText());
        assertEquals("STEP_UP", decision.path("risk_decision").asText());
    }

    @Test
    void nineFailuresFromTheIpAreBelowTheThreshold() {
        String ip = randomIp();
        TestUser user = TestUsers.withOtp(server, "calm");
        AuthorizationClient browser = risk.browser(ip);
        risk.loginWithOtp(browser, user, 0);

        guessUnknownUsernames(ip, 9);

        newLoginSameDevice(browser);
        assertTrue(risk.password(browser, user, Map.of()).isAppRedirect());
        assertEquals("ALLOW", risk.lastDecision(user.id()).path("risk_decision").asText());
    }

    @Test
    void guessesAgainstTheUserDuringAStormAreDeniedOnAPageThatRevealsNothing() {
        String ip = randomIp();
        TestUser user = TestUsers.withOtp(server, "denied");
        AuthorizationClient browser = risk.browser(ip);
        risk.loginWithOtp(browser, user, 0);

        guessUnknownUsernames(ip, 7);
        for (int i = 0; i < 3; i++) {
            newLoginSameDevice(browser);   // also spaces the guesses beyond the realm's quick-login check
            Page wrong = browser.submitPassword(browser.authorize(browser.authorizationParameters(Pkce.s256(),
                    Map.of())), user.username(), "wrong-password-" + i);
            assertTrue(wrong.form("form#kc-form-login").isPresent(), describe(wrong));
        }

        newLoginSameDevice(browser);
        Page page = risk.password(browser, user, Map.of());
        assertEquals(403, page.status(), describe(page));
        assertFalse(page.isAppRedirect());
        assertTrue(page.document().getElementById("txauth-risk-denied") != null, describe(page));
        assertTrue(page.document().text().contains("Sign-in refused"), describe(page));
        String body = page.body().toLowerCase();
        for (String secret : SECRETS) {
            assertFalse(body.contains(secret), "the deny page reveals '" + secret + "'");
        }

        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("DENY", decision.path("risk_decision").asText());
        assertEquals("80", decision.path("risk_score").asText(), "30 + 50: exactly the deny threshold");
        assertEquals("user_failures,ip_failures", decision.path("risk_signals").asText());
        JsonNode event = risk.txauthEvents(user.id(), "risk_decision").get(0);
        assertEquals("CUSTOM_REQUIRED_ACTION_ERROR", event.path("type").asText());
        assertEquals("txauth_risk_denied", event.path("error").asText());

        // the same refusal, in French, still saying nothing
        newLoginSameDevice(browser);
        Page french = risk.password(browser, user, Map.of("ui_locales", "fr"));
        assertEquals(403, french.status(), describe(french));
        assertTrue(french.document().text().contains("Connexion refusée"), describe(french));
        for (String secret : SECRETS) {
            assertFalse(french.body().toLowerCase().contains(secret), "the French deny page reveals '" + secret + "'");
        }
    }

    /** {@code n} failed logins from {@code ip} with usernames that do not exist (no brute-force lock on anyone). */
    private void guessUnknownUsernames(String ip, int n) {
        AuthorizationClient attacker = risk.browser(ip);
        for (int i = 0; i < n; i++) {
            attacker.cookies().clear();
            Page login = attacker.authorize(attacker.authorizationParameters(Pkce.s256(), Map.of()));
            Page failed = attacker.submitPassword(login, "nobody-" + System.nanoTime(), "guess-" + i);
            assertTrue(failed.form("form#kc-form-login").isPresent(), describe(failed));
        }
    }
}
