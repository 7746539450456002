package dev.txauth.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The one-command local run: embedded PostgreSQL (unless {@code KC_DB_URL} is set), Keycloak with every txauth jar,
 * the theme, the realm and the demo users, until Ctrl-C. State lives under {@code .txauth/} in the working folder.
 */
public final class DevServer {

    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo-password";

    private DevServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        Path state = Path.of(env.getOrDefault("TXAUTH_STATE_DIR", ".txauth")).toAbsolutePath();
        int httpPort = Integer.parseInt(env.getOrDefault("KC_HTTP_PORT", "8080"));
        int managementPort = Integer.parseInt(env.getOrDefault("KC_HTTP_MANAGEMENT_PORT", "9000"));
        String admin = env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String adminPassword = env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        String paymentServiceSecret = env.getOrDefault("PAYMENT_SERVICE_CLIENT_SECRET",
                rememberedSecret(state.resolve("payment-service.secret")));

        EmbeddedDatabase database = null;
        String dbUrl = env.get("KC_DB_URL");
        String dbUser = env.getOrDefault("KC_DB_USERNAME", EmbeddedDatabase.USER);
        String dbPassword = env.getOrDefault("KC_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
        if (dbUrl == null || dbUrl.isBlank()) {
            database = EmbeddedDatabase.startPersistent(state.resolve("postgres"), FreePort.find());
            dbUrl = database.jdbcUrl();
            dbUser = EmbeddedDatabase.USER;
            dbPassword = EmbeddedDatabase.PASSWORD;
        }

        DevServerSetup dev = DevServerSetup.start(state, env, paymentServiceSecret);
        KeycloakSettings settings = new KeycloakSettings(state, httpPort, managementPort, dbUrl, dbUser, dbPassword,
                admin, adminPassword, true, dev.environment(), dev.serverOptions(httpPort));
        EmbeddedDatabase startedDatabase = database;
        int nodes = nodeCount(env);
        DevNodes keycloak;
        try {
            keycloak = DevNodes.start(DevServerSetup.bundle(), settings, nodes);
            dev.configureRealm(settings.baseUrl(), admin, adminPassword);
        } catch (RuntimeException e) {
            dev.close();
            if (startedDatabase != null) {
                startedDatabase.close();
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Keycloak and the embedded PostgreSQL...");
            keycloak.close();
            dev.close();
            if (startedDatabase != null) {
                startedDatabase.close();
            }
        }, "txauth-dev-shutdown"));

        printBanner(settings, database, paymentServiceSecret, keycloak.logFiles().get(0));
        keycloak.printNodes();
        System.out.printf("  Codes (outbox) SMS: %s   email: %s%n%n",
                dev.smsFile() == null ? "your gateways" : dev.smsFile(), dev.emailDirectory());
        while (keycloak.allAlive()) {
            Thread.sleep(1000);
        }
        System.out.println("A Keycloak node stopped; see " + keycloak.logFiles());
        System.exit(1);
    }

    /** {@code TXAUTH_NODES}: 1 (default) or 2 (docs/api.md §10, docs/cluster.md). */
    static int nodeCount(Map<String, String> env) {
        String value = env.getOrDefault(DevNodes.NODES_ENV, "1").trim();
        if (!value.equals("1") && !value.equals("2")) {
            throw new IllegalArgumentException(DevNodes.NODES_ENV + " must be 1 or 2, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static void printBanner(KeycloakSettings s, EmbeddedDatabase db, String secret, Path log) {
        String base = s.baseUrl();
        System.out.println("""

                txauth is ready (Keycloak + txauth, realm payments)
                  Discovery     %s/realms/payments/.well-known/openid-configuration
                  Admin console %s/admin/  user: %s  password: %s
                  Demo user     %s / %s  (account console: %s/realms/payments/account)
                  Demo payment  %s%s  (wallet + payment service, dev only)
                  payment-service client secret: %s
                  Database      %s
                  Health        http://127.0.0.1:%d/health/ready   metrics: /metrics
                  Keycloak log  %s
                Ctrl-C stops everything.
                """.formatted(base, base, s.adminUser(), s.adminPassword(), DEMO_USER, DEMO_PASSWORD, base, base,
                DevServerSetup.DEMO_PATH, secret,
                db == null ? s.databaseUrl() : "embedded PostgreSQL, data in " + db.dataDirectory(),
                s.managementPort(), log));
    }

    /** A random dev secret, created once and reused so restarts keep working with the already-imported realm. */
    private static String rememberedSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
