package dev.txauth.bench;

import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.LocalServer;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.server.VanillaServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target file {@code load-tests/locustfile.py} reads ({@code $LOAD_TARGET}, load-tests/README.md): one server's
 * URLs, the payment service's secret, the test phone's DPoP key and a pool of users. Shared by the load test
 * ({@link LoadTestBenchmark}) and its smoke run in the normal suite ({@link LoadTestSmokeIT}).
 */
final class LocustTarget {

    static final Path LOAD_TESTS = Path.of("..", "load-tests").toAbsolutePath().normalize();

    private LocustTarget() {
    }

    /**
     * {@code count} users. On txauth they are established customers with an authenticator app (a first login from a
     * new phone steps up, payments are confirmed with TOTP); on vanilla Keycloak a user with TOTP would be asked for
     * a code on every login, so its users have a password only (as in {@link LoginBenchmark}).
     */
    static List<TestUser> users(TxauthServer server, int count) {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(server instanceof VanillaServer ? TestUsers.user(server, "load").newAccount().create()
                    : TestUsers.withOtp(server, "load"));
        }
        return users;
    }

    /** Writes {@code <out>/<name>-target.json} for {@code server} and {@code users}; returns its path. */
    static Path write(Path out, String name, TxauthServer server, List<TestUser> users) throws IOException {
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
        if (server instanceof LocalServer local) {
            // drive.py reads the JVM's VmRSS after the common mix, when both servers have had the same load.
            target.put("pid", local.jvmPid());
        }
        Files.createDirectories(out);
        Path file = out.resolve(name + "-target.json");
        Files.writeString(file, Json.write(target));
        return file;
    }
}
