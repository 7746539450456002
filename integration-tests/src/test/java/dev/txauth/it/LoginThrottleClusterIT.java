package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthCluster;
import dev.txauth.testkit.server.TxauthClusterNode;
import dev.txauth.testkit.server.TxauthClusterTest;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.txauth.it.LoginThrottleIT.assertThrottled;
import static dev.txauth.it.LoginThrottleIT.attempt;
import static dev.txauth.it.LoginThrottleIT.loginPage;
import static dev.txauth.it.LoginThrottleIT.page;
import static dev.txauth.testkit.risk.DeviceRiskSupport.newLoginSameDevice;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §10 on two nodes: the login counters in {@code txauth_login_counter} are one truth for the cluster, so
 * the per-IP throttle and the risk signals see the failures and logins of both nodes together, and a throttle
 * setting changed through one node is applied by the other at once. Each test plays its own client IPs.
 */
@TxauthClusterTest
class LoginThrottleClusterIT {

    private static final String TITLE = "Too many sign-in attempts";

    private final TxauthCluster cluster;

    LoginThrottleClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void failuresOfOneAccountFromOneIpOnBothNodesAddUpToTheThrottle(@WithTotp TestUser user) {
        String ip = randomIp();
        wrongPasswords(cluster.node1(), ip, user, 3);
        wrongPasswords(cluster.node2(), ip, user, 2);
        assertEquals(5, counter("ip_user", ip + "|" + user.id()), "3 on node 1 and 2 on node 2, one row set");

        for (TxauthClusterNode node : cluster.nodes()) {
            assertThrottled(freshAttempt(node, ip, user.username(), user.password()), TITLE);
        }
        assertEquals(5, counter("ip_user", ip + "|" + user.id()), "a throttled attempt checks no password");
    }

    @Test
    void hundredFailuresFromOneIpSplitOverTheNodesRefuseTheLoginFormOnBoth() {
        String ip = randomIp();
        Map<Integer, AuthorizationClient> attackers = Map.of(1, browser(cluster.node1(), ip),
                2, browser(cluster.node2(), ip));
        Map<Integer, Page> pages = new java.util.HashMap<>(Map.of(1, loginPage(attackers.get(1)),
                2, loginPage(attackers.get(2))));
        for (int i = 0; i < 100; i++) {
            int node = cluster.alternate(i).number();
            HttpResponse<String> failed = attempt(attackers.get(node), pages.get(node),
                    "nobody-" + i + "-" + System.nanoTime(), "guess");
            assertEquals(200, failed.statusCode(), "failure " + (i + 1) + " on node " + node);
            pages.put(node, page(failed));
        }
        assertEquals(100, counter("ip", ip));

        for (TxauthClusterNode node : cluster.nodes()) {
            AuthorizationClient fresh = browser(node, ip);
            HttpResponse<String> form = fresh.send(HttpRequest.newBuilder(URI.create(
                    fresh.authorizationUrl(Pkce.s256(), Map.of()))).GET());
            assertThrottled(form, TITLE);
        }
    }

    @Test
    void failuresFromOneIpOnBothNodesStepUpAKnownDevice(@WithTotp TestUser user) {
        String ip = randomIp();
        DeviceRiskSupport onNode1 = new DeviceRiskSupport(cluster.node1());
        DeviceRiskSupport onNode2 = new DeviceRiskSupport(cluster.node2());
        AuthorizationClient phone = onNode1.browser(ip);
        onNode1.loginWithOtp(phone, user, 0);                 // the device becomes known (on node 1)

        guessUnknownUsernames(cluster.node1(), ip, 5);
        guessUnknownUsernames(cluster.node2(), ip, 5);       // 10: the threshold, reached by neither node alone

        newLoginSameDevice(phone);
        cluster.node2().pin(phone);
        Page page = onNode2.password(phone, user, Map.of());
        assertTrue(page.form(AuthorizationClient.OTP_FORM).isPresent(), "10 failures from the IP on two nodes step "
                + "up: " + page.describe());
        JsonNode decision = onNode2.lastDecision(user.id());
        assertEquals("ip_failures", decision.path("risk_signals").asText(), decision.toString());
        assertEquals("STEP_UP", decision.path("risk_decision").asText(), decision.toString());
    }

    @Test
    void loginsOfOneUserAlternatingNodesReachTheVelocitySignal(@WithTotp TestUser user) {
        DeviceRiskSupport risk = new DeviceRiskSupport(cluster.node1());
        AuthorizationClient phone = risk.browser(randomIp());
        risk.loginWithOtp(phone, user, 0);                    // login 1, node 1
        for (int login = 2; login <= 10; login++) {
            newLoginSameDevice(phone);
            cluster.alternate(login - 1).pin(phone);
            assertTrue(risk.password(phone, user, Map.of()).isAppRedirect(), "login " + login);
        }
        assertEquals("", risk.lastDecision(user.id()).path("risk_signals").asText(""), "9 earlier logins: below 10");

        newLoginSameDevice(phone);
        cluster.node1().pin(phone);                           // login 11: 10 earlier ones, 5 on each node
        assertTrue(risk.password(phone, user, Map.of()).isAppRedirect(), "20 < step-up threshold 40");
        JsonNode decision = risk.lastDecision(user.id());
        assertEquals("login_velocity", decision.path("risk_signals").asText(), decision.toString());
    }

    @Test
    void aShorterWindowSetThroughNodeOneIsAppliedByNodeTwoAtOnce(@WithTotp TestUser user) {
        String ip = randomIp();
        wrongPasswords(cluster.node2(), ip, user, 5);
        HttpResponse<String> before = freshAttempt(cluster.node2(), ip, user.username(), user.password());
        assertThrottled(before, TITLE);
        assertTrue(retryAfter(before) > 60, "a 15-minute window: " + retryAfter(before));
        try {
            window(cluster.node1(), 1);
            HttpResponse<String> after = freshAttempt(cluster.node2(), ip, user.username(), user.password());
            if (after.statusCode() == 429) {
                assertTrue(retryAfter(after) >= 1 && retryAfter(after) <= 60, "node 2 counts in node 1's one-minute "
                        + "window: " + retryAfter(after));
            }
        } finally {
            window(cluster.node1(), 15);
        }
        assertThrottled(freshAttempt(cluster.node2(), ip, user.username(), user.password()), TITLE);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static AuthorizationClient browser(TxauthClusterNode node, String ip) {
        return node.newBrowser().forwardedFor(ip).userAgent(DeviceRiskSupport.FIREFOX_LINUX);
    }

    private static HttpResponse<String> freshAttempt(TxauthClusterNode node, String ip, String username,
                                                     String password) {
        AuthorizationClient browser = browser(node, ip);
        return attempt(browser, loginPage(browser), username, password);
    }

    /** {@code n} wrong passwords on one node, spaced beyond the realm's 1 s quick-login check. */
    private static void wrongPasswords(TxauthClusterNode node, String ip, TestUser user, int n) {
        AuthorizationClient browser = browser(node, ip);
        Page page = loginPage(browser);
        for (int i = 0; i < n; i++) {
            DeviceRiskSupport.sleep(1_100);
            HttpResponse<String> response = attempt(browser, page, user.username(), "wrong-password-" + i);
            assertEquals(200, response.statusCode(), "failure " + (i + 1) + " on " + node);
            page = page(response);
        }
    }

    private static void guessUnknownUsernames(TxauthClusterNode node, String ip, int n) {
        AuthorizationClient attacker = browser(node, ip);
        for (int i = 0; i < n; i++) {
            attacker.cookies().clear();
            Page failed = attacker.submitPassword(loginPage(attacker), "nobody-" + System.nanoTime(), "guess-" + i);
            assertTrue(failed.form(AuthorizationClient.LOGIN_FORM).isPresent(), failed.describe());
        }
    }

    private static long retryAfter(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }

    private static void window(TxauthClusterNode node, int minutes) {
        assertEquals(200, node.admin().put(LoginThrottleIT.SETTINGS, Map.of("throttle",
                Map.of("window_minutes", minutes))).status());
    }

    private int counter(String kind, String subject) {
        return LoginThrottleIT.counter(cluster.node1(), kind, subject);
    }
}
