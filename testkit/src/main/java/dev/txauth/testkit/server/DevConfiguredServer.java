package dev.txauth.testkit.server;

import dev.txauth.devserver.DevServerSetup;
import dev.txauth.devserver.EmbeddedDatabase;
import dev.txauth.devserver.FreePort;
import dev.txauth.devserver.KeycloakProcess;
import dev.txauth.devserver.KeycloakSettings;
import dev.txauth.devserver.TxauthKeycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A Keycloak configured exactly as {@code ./txauth-dev} configures its own — the same {@link DevServerSetup}: dev
 * outbox (SMS appended to a file, mail kept on disk), the demo enabled with its redirect URI on mobile-app, the demo
 * users — on a throw-away embedded PostgreSQL under {@code target/txauth-dev-server}. For stories about what only the
 * dev server offers (the demo); everything else runs on the production-like {@link TxauthServer} of the extension.
 * Started and closed by the test class that needs it (it is a second Keycloak beside the shared one).
 */
public final class DevConfiguredServer extends LocalServer {

    private final EmbeddedDatabase database;
    private final DevServerSetup dev;
    private final KeycloakProcess keycloak;

    private DevConfiguredServer(KeycloakSettings settings, String secret, EmbeddedDatabase database,
                                DevServerSetup dev, KeycloakProcess keycloak) {
        super(settings, secret);
        this.database = database;
        this.dev = dev;
        this.keycloak = keycloak;
    }

    public static DevConfiguredServer start() {
        Path work = Path.of(System.getProperty("txauth.dev.work.dir", "target/txauth-dev-server")).toAbsolutePath();
        Path state = work.resolve("state");
        deleteTree(state); // a fresh outbox per run; the unpacked Keycloak beside it is kept, without the state
        // that belongs to the previous run's database (audit spool and chain, webhook sealing key)
        Path data = work.resolve("keycloak-" + DevServerSetup.bundle().keycloakVersion()).resolve("data");
        deleteTree(data.resolve("txauth-audit"));
        deleteTree(data.resolve("txauth-webhooks"));
        EmbeddedDatabase database = EmbeddedDatabase.startThrowAway(work.resolve("postgres"), FreePort.find());
        String secret = randomSecret();
        DevServerSetup dev = DevServerSetup.start(state, java.util.Map.of(), secret);
        int httpPort = FreePort.find();
        KeycloakSettings settings = new KeycloakSettings(work, httpPort, FreePort.find(), database.jdbcUrl(),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, "admin", randomSecret(), true,
                withHeap(dev.environment()), dev.serverOptions(httpPort));
        try {
            KeycloakProcess keycloak = TxauthKeycloak.start(DevServerSetup.bundle(), settings);
            dev.configureRealm(settings.baseUrl(), settings.adminUser(), settings.adminPassword());
            return new DevConfiguredServer(settings, secret, database, dev, keycloak);
        } catch (RuntimeException e) {
            dev.close();
            database.close();
            throw e;
        }
    }

    /** {@code <base>/realms/payments/txauth-demo/}. */
    public String demoUrl() {
        return baseUrl() + DevServerSetup.DEMO_PATH;
    }

    /** The dev outbox's SMS file ({@code sms.jsonl}). */
    public Path smsFile() {
        return dev.smsFile();
    }

    @Override
    protected KeycloakProcess process() {
        return keycloak;
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("the dev-configured server is not restarted");
    }

    @Override
    public void crashAndRestart() {
        throw new UnsupportedOperationException("the dev-configured server is not restarted");
    }

    @Override
    public void close() {
        keycloak.close();
        dev.close();
        database.close();
    }

    private static java.util.Map<String, String> withHeap(java.util.Map<String, String> env) {
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        return all;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
