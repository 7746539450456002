package dev.txauth.bench;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.LocalServer;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.server.VanillaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Path txauthTarget = LocustTarget.write(OUT, "txauth", txauth, LocustTarget.users(txauth, USERS));
        Path vanillaTarget = LocustTarget.write(OUT, "vanilla", vanilla, LocustTarget.users(vanilla, USERS));
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("txauth idle", rss(txauth));
        memory.put("vanilla idle", rss(vanilla));

        Path loadTests = LocustTarget.LOAD_TESTS;
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

    private static long rss(TxauthServer server) {
        return ((LocalServer) server).residentBytes();
    }
}
