package dev.txauth.bench;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.server.VanillaServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * txauth Keycloak vs vanilla Keycloak, side by side in one run on this machine: the same mobile-app login
 * (authorization code + PKCE, password, code exchange) against both, interleaved so machine noise hits both alike.
 * Run with {@code ./mvnw -B verify -Pbenchmark}; results go to {@code integration-tests/target/benchmarks/login.md}.
 */
@TxauthKeycloakTest
class LoginBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int LOGINS = Integer.getInteger("bench.logins", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    /**
     * Untimed rounds before the timed ones. Right after start both JVMs are still compiling (the C2 compiler threads
     * took more CPU than the request threads in a profiled run of 200 logins per server, and more on txauth, which has
     * more code to compile); a throughput measured then compares warm-ups, not steady states.
     */
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 5);

    private static VanillaServer vanilla;

    private final TxauthServer txauth;

    LoginBenchmark(TxauthServer txauth) {
        this.txauth = txauth;
    }

    @BeforeAll
    static void startVanilla() throws IOException {
        Files.deleteIfExists(Path.of("target", "benchmarks", "login.md"));
        vanilla = VanillaServer.start(Path.of("target", "vanilla-server").toAbsolutePath());
    }

    @AfterAll
    static void stopVanilla() {
        if (vanilla != null) {
            vanilla.close();
        }
    }

    @BeforeEach
    void passwordHashCost() {
        PasswordHashCost.apply(txauth);
        PasswordHashCost.apply(vanilla);
    }

    @AfterEach
    void restorePasswordHashCost() {
        PasswordHashCost.restore(txauth);
    }

    @Test
    void sequentialLoginLatency() throws IOException {
        Login onTxauth = new Login(txauth);
        Login onVanilla = new Login(vanilla);
        for (int i = 0; i < WARMUP; i++) {
            onTxauth.once();
            onVanilla.once();
        }
        LatencyStats txauthStats = new LatencyStats();
        LatencyStats vanillaStats = new LatencyStats();
        for (int i = 0; i < LOGINS; i++) {
            txauthStats.add(onTxauth.once());
            vanillaStats.add(onVanilla.once());
        }
        report("Sequential login latency (ms), " + LOGINS + " logins each after " + WARMUP + " warm-up (load average "
                + loadAverage() + " at the end; " + PasswordHashCost.label() + ")",
                txauthStats, vanillaStats);
    }

    /**
     * Alternates short rounds between the two servers (txauth first in odd rounds, vanilla first in even ones), so a
     * change in the machine's load during the run hits both alike; each side's rate is its logins over its own time.
     */
    @Test
    void concurrentLoginThroughput() throws Exception {
        Round onTxauth = new Round(txauth);
        Round onVanilla = new Round(vanilla);
        int perRound = Math.max(THREADS, LOGINS / ROUNDS / THREADS * THREADS);
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            onTxauth.run(perRound);
            onVanilla.run(perRound);
        }
        onTxauth.resetTiming();
        onVanilla.resetTiming();
        for (int r = 0; r < ROUNDS; r++) {
            Round first = r % 2 == 0 ? onTxauth : onVanilla;
            first.run(perRound);
            (first == onTxauth ? onVanilla : onTxauth).run(perRound);
        }
        String line = String.format("| logins/s with %d threads | %.1f | %.1f | %.2f |%n", THREADS, onTxauth.rate(),
                onVanilla.rate(), onTxauth.rate() / onVanilla.rate());
        append("Concurrent login throughput, " + ROUNDS + " alternating rounds of " + perRound
                + " logins per server after " + WARMUP_ROUNDS + " untimed ones (load average " + loadAverage() + "; "
                + PasswordHashCost.label() + ")", line);
    }

    /** {@link #THREADS} logged-in devices on one server, timed over every round run on them. */
    private static final class Round {
        private final List<Login> logins = new ArrayList<>();
        private long logged;
        private long nanos;

        Round(TxauthServer server) {
            for (int t = 0; t < THREADS; t++) {
                Login login = new Login(server);
                login.once();
                logins.add(login);
            }
        }

        void run(int count) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Login login : logins) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < count / THREADS; i++) {
                        login.once();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            nanos += System.nanoTime() - start;
            logged += count / THREADS * THREADS;
            pool.shutdown();
        }

        void resetTiming() {
            nanos = 0;
            logged = 0;
        }

        double rate() {
            return logged / (nanos / 1e9);
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /**
     * One user, one device: every login is a full password login; the device cookie survives as on a phone. On txauth
     * the user has TOTP so the first login from the device can step up; on vanilla Keycloak a user with TOTP would be
     * asked for a (single-use) code on every login, so the baseline user has a password only: both then do the same
     * work per measured login (password + code exchange).
     */
    private static final class Login {
        private final TestUser user;
        private final AuthorizationClient browser;

        Login(TxauthServer server) {
            // Vanilla Keycloak has no device-binding table: its user is created as a new account (nothing to backdate).
            this.user = server instanceof VanillaServer ? TestUsers.user(server, "bench").newAccount().create()
                    : TestUsers.withOtp(server, "bench");
            this.browser = server.newBrowser();
        }

        long once() {
            browser.cookies().keepOnly("TXAUTH_DEVICE");
            Pkce pkce = Pkce.s256();
            long start = System.nanoTime();
            Page done = browser.login(user, pkce, Map.of());
            TokenResponse tokens = browser.tokens().exchangeCode(done.code(), pkce);
            long elapsed = System.nanoTime() - start;
            assertEquals(200, tokens.status(), tokens.body().toString());
            return elapsed;
        }
    }

    private static void report(String title, LatencyStats txauth, LatencyStats vanilla) throws IOException {
        StringBuilder table = new StringBuilder();
        for (double p : new double[]{50, 95, 99}) {
            table.append(String.format("| p%.0f | %.1f | %.1f | %.2f |%n", p, txauth.percentile(p),
                    vanilla.percentile(p), txauth.percentile(p) / vanilla.percentile(p)));
        }
        append(title, table.toString());
    }

    private static synchronized void append(String title, String rows) throws IOException {
        Path out = Path.of("target", "benchmarks", "login.md");
        Files.createDirectories(out.getParent());
        String text = "\n### " + title + "\n\n| metric | txauth | vanilla | ratio |\n|---|---|---|---|\n" + rows;
        Files.writeString(out, text, Files.exists(out)
                ? new java.nio.file.OpenOption[]{java.nio.file.StandardOpenOption.APPEND}
                : new java.nio.file.OpenOption[0]);
        System.out.print(text);
    }
}
