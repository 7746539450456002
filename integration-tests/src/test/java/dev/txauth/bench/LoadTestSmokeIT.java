package dev.txauth.bench;

import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The load test's scenario code (load-tests/locustfile.py, run by drive.py {@code --smoke}) against the shared test
 * server, in the normal suite: every scenario of docs/api.md §13 — login, refresh, client credentials, the full
 * payment — must complete at least once with no failed request, so a change that breaks a scenario fails CI rather
 * than the next benchmark run. One Locust user per scenario for 20 s; how fast it ran is not asserted here
 * (BENCHMARKS.md).
 */
@TxauthKeycloakTest
class LoadTestSmokeIT {

    private static final Path OUT = Path.of("target", "load-test-smoke").toAbsolutePath();
    /** Login 1, refresh 1, payment 6 (a payment user rotates six payers: TOTP codes are single-use per window). */
    private static final int POOL = 8;

    private final TxauthServer txauth;

    LoadTestSmokeIT(TxauthServer txauth) {
        this.txauth = txauth;
    }

    @BeforeAll
    static void locustIsInstalled() throws Exception {
        Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import locust, cryptography")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        if (check.waitFor() != 0) {
            fail("""
                    ***** LoadTestSmokeIT needs Locust and python3-cryptography for /usr/bin/python3. *****
                    Install the Debian packages: apt-get install python3-locust python3-cryptography
                    (.ci/run installs them on CI). python3 said:
                    """ + output);
        }
    }

    @Test
    void everyScenarioRunsWithoutFailure() throws Exception {
        Path target = LocustTarget.write(OUT, "smoke", txauth, LocustTarget.users(txauth, POOL));
        Process driver = new ProcessBuilder("/usr/bin/python3", LocustTarget.LOAD_TESTS.resolve("drive.py").toString(),
                "--smoke", "--txauth", target.toString(), "--out", OUT.toString())
                .directory(LocustTarget.LOAD_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(OUT.resolve("locust.log").toFile()).start();
        if (!driver.waitFor(3, TimeUnit.MINUTES)) {
            driver.destroyForcibly();
            fail("drive.py --smoke did not end within 3 minutes; see " + OUT.resolve("locust.log"));
        }
        assertEquals(0, driver.exitValue(), () -> "drive.py --smoke failed: " + log());

        Map<String, long[]> stats = stats(OUT.resolve("smoke_stats.csv"));
        for (String scenario : List.of("SCENARIO login", "SCENARIO refresh", "SCENARIO client credentials",
                "SCENARIO payment",
                // the steps that prove the whole flow ran, not only its first request
                "POST token: refresh", "POST payment: register", "POST payment: POST confirm (TOTP)",
                "POST payment: code exchange", "POST payment: consume")) {
            long[] counts = stats.get(scenario);
            assertTrue(counts != null && counts[0] - counts[1] >= 1,
                    () -> scenario + ": no successful run in " + stats.keySet() + "\n" + log());
        }
        long[] all = stats.get(" Aggregated");
        assertEquals(0, all[1], () -> "failed requests: " + failures() + "\n" + log());
        assertEquals(1, Files.readAllLines(OUT.resolve("smoke_exceptions.csv")).size(),
                () -> "exceptions in the scenario code: " + read(OUT.resolve("smoke_exceptions.csv")));
    }

    /** Locust's {@code *_stats.csv}: "Type Name" → {request count, failure count}. */
    private static Map<String, long[]> stats(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = fields(lines.get(0));
        int type = header.indexOf("Type");
        int name = header.indexOf("Name");
        int requests = header.indexOf("Request Count");
        int failures = header.indexOf("Failure Count");
        Map<String, long[]> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = fields(line);
            rows.put(row.get(type) + " " + row.get(name),
                    new long[] {Long.parseLong(row.get(requests)), Long.parseLong(row.get(failures))});
        }
        return rows;
    }

    /** One CSV line as Python's csv module writes it (fields quoted only when they hold a comma or a quote). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String failures() {
        return read(OUT.resolve("smoke_failures.csv"));
    }

    private static String log() {
        return read(OUT.resolve("locust.log"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
