package dev.txauth.testkit.server;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.devserver.EmbeddedDatabase;
import dev.txauth.devserver.FreePort;
import dev.txauth.devserver.KeycloakProcess;
import dev.txauth.devserver.KeycloakSettings;
import dev.txauth.devserver.TxauthBundle;
import dev.txauth.devserver.TxauthKeycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the Maven Central distribution, with the jars Maven just built, on an embedded PostgreSQL (or the
 * external one named by {@code -Dtxauth.db.url}, {@code .username}, {@code .password}; it must be an empty database).
 * The unpacked server under {@code target/txauth-server} is rebuilt only when a jar changes.
 */
final class DistributionServer extends LocalServer {

    static final String AUDIT_KEY = "audit-hmac.key";
    static final String AUDIT_SPOOL = "audit-spool";
    static final String AUDIT_CHECKPOINTS = "audit-checkpoints.log";
    /**
     * Tests run txauth at DEBUG, so the assertions that no secret reaches a log cover the debug lines too. The
     * benchmark profile sets {@code txauth.server.log-level=INFO}: a production node logs at INFO, and four debug
     * lines per login (written synchronously) are ≈ 0.6 ms of its server time that vanilla Keycloak never pays.
     */
    static final String LOG_LEVEL = System.getProperty("txauth.server.log-level", "INFO,dev.txauth:DEBUG");

    private final EmbeddedDatabase database;
    private final AuditDatabase auditDatabase;
    private final SmsGatewayStub smsGateway;
    private KeycloakProcess keycloak;

    private DistributionServer(KeycloakSettings settings, EmbeddedDatabase database, AuditDatabase auditDatabase,
                               SmsGatewayStub smsGateway, String paymentServiceSecret) {
        super(settings, paymentServiceSecret);
        this.database = database;
        this.auditDatabase = auditDatabase;
        this.smsGateway = smsGateway;
    }

    static DistributionServer start() {
        Path work = Path.of(System.getProperty("txauth.work.dir", "target/txauth-server")).toAbsolutePath();
        deleteQuietly(work.resolve("keycloak.log")); // one log per test JVM; restarts inside it append
        String externalUrl = System.getProperty("txauth.db.url", "");
        EmbeddedDatabase database = null;
        String url = externalUrl;
        String user = System.getProperty("txauth.db.username", "");
        String password = System.getProperty("txauth.db.password", "");
        if (externalUrl.isBlank()) {
            database = EmbeddedDatabase.startThrowAway(work.resolve("postgres"), FreePort.find());
            url = database.jdbcUrl();
            user = EmbeddedDatabase.USER;
            password = EmbeddedDatabase.PASSWORD;
        }
        String secret = randomSecret();
        // txauth-audit writes to its own PostgreSQL here, so AuditIT can take it down while Keycloak keeps working.
        AuditDatabase audit = AuditDatabase.startEmpty(work.resolve("audit-postgres"));
        deleteAuditState(work);
        Path auditKey = writeAuditKey(work.resolve(AUDIT_KEY));
        // SMS go to a real HTTP gateway on loopback through the http provider, as in production (docs/sms.md).
        SmsGatewayStub sms = new SmsGatewayStub(FreePort.find());
        KeycloakSettings settings = new KeycloakSettings(work, FreePort.find(), FreePort.find(), url, user, password,
                "admin", randomSecret(), true, serverEnvironment(secret, audit, sms),
                serverOptions(work, audit, auditKey, sms));
        DistributionServer server = new DistributionServer(settings, database, audit, sms, secret);
        try {
            server.keycloak = TxauthKeycloak.start(bundle(), settings);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            audit.close();
            sms.close();
            throw e;
        }
        return server;
    }

    /**
     * The server options of a test server (also of each node of a {@link TxauthCluster}), with its per-node state
     * (audit spool and checkpoints, webhook state) under {@code stateDir}.
     */
    static List<String> serverOptions(Path stateDir, AuditDatabase audit, Path auditKey, SmsGatewayStub sms) {
        List<String> options = new java.util.ArrayList<>(List.of("--log-level=" + LOG_LEVEL,
                // Trust X-Forwarded-For from the test JVM on loopback, as behind a real reverse proxy: lets a test
                // play clients from distinct IPs/networks (AuthorizationClient.forwardedFor) without leaking
                // IP-level state.
                "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1,::1",
                "--spi-events-listener--txauth-audit--jdbc-url=" + audit.jdbcUrl(),
                "--spi-events-listener--txauth-audit--username=" + audit.user(),
                // A key outside both databases, as in production; checkpoints every second so tests see them.
                "--spi-events-listener--txauth-audit--key-file=" + auditKey,
                "--spi-events-listener--txauth-audit--spool-dir=" + stateDir.resolve(AUDIT_SPOOL),
                "--spi-events-listener--txauth-audit--checkpoint-file=" + stateDir.resolve(AUDIT_CHECKPOINTS),
                "--spi-events-listener--txauth-audit--checkpoint-interval-seconds=1"));
        options.addAll(List.of(
                // Webhook receivers of the tests listen on loopback; retries come back within 2 s instead of
                // up to an hour, so an outage of seconds walks the same backoff path as one of hours. With
                // retries that fast, 200 queued deliveries to a receiver that is down reach any small pause
                // threshold in seconds: the pause is tested through the realm's own setting (WebhookAdminIT).
                "--spi-events-listener--txauth-webhooks--allow-loopback=true",
                "--spi-events-listener--txauth-webhooks--retry-base-ms=250",
                "--spi-events-listener--txauth-webhooks--retry-max-delay-ms=2000",
                "--spi-events-listener--txauth-webhooks--pause-after-failures=10000",
                "--spi-events-listener--txauth-webhooks--state-dir=" + stateDir.resolve("webhooks")));
        options.addAll(sms.serverOptions());
        return options;
    }

    /** The environment of a test server: realm placeholders, heap, and the secrets kept out of {@code ps}. */
    static Map<String, String> serverEnvironment(String secret, AuditDatabase audit, SmsGatewayStub sms) {
        return Map.of("PAYMENT_SERVICE_CLIENT_SECRET", secret,
                "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g",
                "KC_SPI_EVENTS_LISTENER__TXAUTH_AUDIT__PASSWORD", audit.password(),
                "KC_SPI_TXAUTH_SMS_SENDER__HTTP__SECRET", sms.token());
    }

    /**
     * The production jar set plus the dev-only demo jar, installed but not enabled (no dev option): the test server
     * proves that the jar alone serves nothing (DemoPaymentIT).
     */
    static TxauthBundle bundle() {
        return TxauthBundle.fromClasspath().withDevJars();
    }

    @Override
    protected KeycloakProcess process() {
        return keycloak;
    }

    @Override
    public AuditDatabase auditDatabase() {
        return auditDatabase;
    }

    @Override
    public String managementUrl() {
        return "http://127.0.0.1:" + settings.managementPort();
    }

    @Override
    public synchronized void restart() {
        keycloak.close();
        keycloak = TxauthKeycloak.start(bundle(), settings);
    }

    @Override
    public synchronized void crashAndRestart() {
        keycloak.kill();
        keycloak = TxauthKeycloak.start(bundle(), settings);
    }

    @Override
    public synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (database != null) {
            database.close();
        }
        auditDatabase.close();
        smsGateway.close();
    }

    @Override
    public SmsGatewayStub smsGateway() {
        return smsGateway;
    }

    @Override
    public Path auditSpoolDir() {
        return settings.workDirectory().resolve(AUDIT_SPOOL);
    }

    @Override
    public Path auditCheckpointFile() {
        return settings.workDirectory().resolve(AUDIT_CHECKPOINTS);
    }

    /**
     * A fresh audit database must not inherit a spool (and chain id) or checkpoints that belong to a previous run's
     * data.
     */
    static void deleteAuditState(Path work) {
        deleteQuietly(work.resolve(AUDIT_CHECKPOINTS));
        Path spool = work.resolve(AUDIT_SPOOL);
        if (java.nio.file.Files.isDirectory(spool)) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(spool)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A random audit key for this test JVM, owner-only, like a mounted secret. */
    static Path writeAuditKey(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, randomSecret() + randomSecret() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
