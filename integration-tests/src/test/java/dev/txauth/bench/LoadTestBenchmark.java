package dev.txauth.bench;

import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.LocalServer;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.server.VanillaServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Locust load test of docs/api.md §13 (run by {@code load-tests/run}): starts, beside the txauth test server, a
 * vanilla Keycloak with the same realm, gives both the same pool of users, hands both to {@code load-tests/drive.py}
 * (Locust, headless, bounded in time and users) and records both JVMs' resident memory at idle and after the load.
 * The report is {@code integration-tests/target/load-test/report.md}.
 */
@TxauthKeycloakTest
class LoadTestBenchmark {

    private static final int USERS = Integer.parseInt(System.getenv().getOrDefault("LOAD_POOL", "60"));
    private static final Path OUT = Path.of("target", "load-test").toAbsolutePath();

    private static VanillaServer vanilla;

    private final TxauthServer txauth;

    LoadTestBenchmark(TxauthServer txauth) {
        this.txauth = txauth;
    }

    @BeforeAll
    static void startVanilla() throws IOException {
        Files.createDirectories(OUT);
        vanilla = VanillaServer.start(Path.of("target", "vanilla-server").toAbsolutePath());
    }

    @AfterAll
    static void stopVanilla() {
        if (vanilla != null) {
            vanilla.close();
        }
    }

    @Test
    void locustScenarioMix() throws Exception {
        Path txauthTarget = writeTarget("txauth", txauth, users(txauth));
        Path vanillaTarget = writeTarget("vanilla", vanilla, users(vanilla));
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("txauth idle", rss(txauth));
        memory.put("vanilla idle", rss(vanilla));

        Path loadTests = Path.of("..", "load-tests").toAbsolutePath().normalize();
        Process driver = new ProcessBuilder("/usr/bin/python3", loadTests.resolve("drive.py").toString(),
                "--txauth", txauthTarget.toString(), "--vanilla", vanillaTarget.toString(), "--out", OUT.toString())
                .directory(loadTests.toFile()).inheritIO().start();
        if (!driver.waitFor(60, TimeUnit.MINUTES)) {
            driver.destroy();
        }
        assertEquals(0, driver.exitValue(), "load-tests/drive.py failed");

        memory.put("txauth after load", rss(txauth));
        memory.put("vanilla after load", rss(vanilla));
        Files.writeString(OUT.resolve("memory.json"), Json.write(memory));
        Process report = new ProcessBuilder("/usr/bin/python3", loadTests.resolve("report.py").toString(),
                OUT.toString()).directory(loadTests.toFile()).inheritIO().start();
        assertEquals(0, report.waitFor(), "load-tests/report.py failed");
    }

    /**
     * The same number of users on both. On txauth they are established customers with an authenticator app (a
     * first login from a new phone steps up, payments are confirmed with TOTP); on vanilla Keycloak a user with TOTP
     * would be asked for a code on every login, so its users have a password only (as in {@link LoginBenchmark}).
     */
    private static List<TestUser> users(TxauthServer server) {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(server instanceof VanillaServer ? TestUsers.user(server, "load").newAccount().create()
                    : TestUsers.withOtp(server, "load"));
        }
        return users;
    }

    private static Path writeTarget(String name, TxauthServer server, List<TestUser> users) throws IOException {
        List<Map<String, Object>> pool = new ArrayList<>();
        for (TestUser u : users) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", u.id());
            user.put("username", u.username());
            user.put("password", u.password());
            user.put("otp_secret", u.otpSecret());
            pool.add(user);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", name);
        target.put("base_url", server.baseUrl());
        target.put("realm_url", server.realmUrl());
        target.put("payment_secret", server.paymentServiceSecret());
        // The phone every established test user has bound (TestUsers): Locust proves the same key.
        target.put("dpop_pkcs8", DpopKey.TEST_PHONE.privateKeyPkcs8());
        target.put("users", pool);
        Path file = OUT.resolve(name + "-target.json");
        Files.writeString(file, Json.write(target));
        return file;
    }

    private static long rss(TxauthServer server) {
        return ((LocalServer) server).residentBytes();
    }
}
