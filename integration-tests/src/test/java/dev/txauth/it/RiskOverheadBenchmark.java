package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.txauth.testkit.risk.DeviceRiskSupport.describe;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the risk step costs per login: the password POST (where txauth-device-risk runs, for a known device: ALLOW)
 * timed with the risk execution REQUIRED and DISABLED, alternating rounds in the same run on the same server.
 * Not an *IT (it takes minutes); run it with
 * {@code ./mvnw -B verify -pl integration-tests -am -Dit.test=RiskOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TxauthKeycloakTest
class RiskOverheadBenchmark {

    private static final int USERS = 20;
    private static final int ROUNDS = 20;        // 10 per mode x 20 users = 200 logins per mode
    private static final int WARMUP_ROUNDS = 2;
    private static final String LEVEL_1 = "txauth%20level%201%20-%20password";

    private final TxauthServer server;
    private final DeviceRiskSupport risk;

    RiskOverheadBenchmark(TxauthServer server) {
        this.server = server;
        this.risk = new DeviceRiskSupport(server);
    }

    @Test
    void measureRiskStepOverhead() throws Exception {
        List<TestUser> users = new ArrayList<>();
        List<AuthorizationClient> browsers = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            TestUser user = TestUsers.withOtp(server, "bench");
            AuthorizationClient browser = risk.browser(randomIp());
            risk.loginWithOtp(browser, user, 0);
            users.add(user);
            browsers.add(browser);
        }
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        // measure as the realm file ships: user events go to listeners but are not stored (the ITs store them)
        setEventStorage(false);
        try {
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                boolean riskOn = round % 2 == 0;
                setRiskStep(riskOn ? "REQUIRED" : "DISABLED");
                for (int i = 0; i < USERS; i++) {
                    long nanos = timedPasswordPost(browsers.get(i), users.get(i));
                    if (round >= WARMUP_ROUNDS) {
                        (riskOn ? with : without).add(nanos);
                    }
                }
            }
        } finally {
            setRiskStep("REQUIRED");
            setEventStorage(true);
        }
        String report = String.format(
                "txauth-device-risk overhead, password POST of a known device (ALLOW), event storage off, %d logins per mode:%n"
                        + "  with risk step:    median %.1f ms, p90 %.1f ms%n"
                        + "  without risk step: median %.1f ms, p90 %.1f ms%n"
                        + "  extra per login (median difference): %.1f ms%n",
                with.size(), ms(percentile(with, 50)), ms(percentile(with, 90)), ms(percentile(without, 50)),
                ms(percentile(without, 90)), ms(percentile(with, 50) - percentile(without, 50)));
        System.out.println(report);
        Files.writeString(Path.of("target", "risk-benchmark.txt"), report);
        assertTrue(with.size() >= 200 && without.size() >= 200);
    }

    private long timedPasswordPost(AuthorizationClient browser, TestUser user) {
        // no wait here: each user's logins are a whole round (20 logins) apart
        browser.cookies().keepOnly(DeviceRiskSupport.DEVICE_COOKIE);
        Page login = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of()));
        long start = System.nanoTime();
        Page done = browser.submitPassword(login, user.username(), user.password());
        long elapsed = System.nanoTime() - start;
        assertTrue(done.isAppRedirect(), describe(done));
        return elapsed;
    }

    private void setEventStorage(boolean enabled) {
        String path = "/admin/realms/payments/events/config";
        Map<String, Object> config = Json.toMap(server.admin().get(path).json());
        config.put("eventsEnabled", enabled);
        AdminClient.Response r = server.admin().put(path, config);
        assertEquals(204, r.status(), r.body());
    }

    private void setRiskStep(String requirement) {
        AdminClient admin = server.admin();
        JsonNode executions = admin.get("/admin/realms/payments/authentication/flows/" + LEVEL_1 + "/executions")
                .json();
        for (JsonNode execution : executions) {
            if ("txauth-device-risk".equals(execution.path("providerId").asText())) {
                Map<String, Object> update = Json.toMap(execution);
                update.put("requirement", requirement);
                AdminClient.Response r = admin.put("/admin/realms/payments/authentication/flows/" + LEVEL_1
                        + "/executions", update);
                assertEquals(202, r.status() == 204 ? 202 : r.status(), r.body());
                return;
            }
        }
        throw new AssertionError("no txauth-device-risk execution in level 1");
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Jackson tree to a mutable map, for round-tripping an admin representation. */
    private static final class Json {
        @SuppressWarnings("unchecked")
        static Map<String, Object> toMap(JsonNode node) {
            return dev.txauth.testkit.client.Json.MAPPER.convertValue(node, Map.class);
        }
    }
}
