package dev.txauth.testkit.server;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.TokenClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A running Keycloak with txauth installed and the payments realm imported, as a test sees it. */
public interface TxauthServer {

    String REALM = "payments";
    String PAYMENT_SERVICE = "payment-service";

    /** {@code http://localhost:<port>}. */
    String baseUrl();

    default String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The secret the realm file's {@code ${PAYMENT_SERVICE_CLIENT_SECRET}} placeholder received. */
    String paymentServiceSecret();

    AdminClient admin();

    /** A fresh browser + app (own cookie jar). */
    default AuthorizationClient newBrowser() {
        return new AuthorizationClient(realmUrl());
    }

    /** The token endpoint for backends (client credentials, negative tests), on a connection of its own. */
    default TokenClient tokens() {
        return TokenClient.direct(realmUrl());
    }

    /** Keycloak's log for this run (stdout and stderr). */
    Path logFile();

    /** Keycloak's own database, for tests that inspect txauth's tables. */
    String jdbcUrl();

    String databaseUser();

    String databasePassword();

    default Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), databaseUser(), databasePassword());
    }

    /** The separate PostgreSQL txauth-audit writes to (distribution server only). */
    default AuditDatabase auditDatabase() {
        throw new UnsupportedOperationException("This server has no separate audit database");
    }

    /** txauth-audit's local spool directory (distribution server only). */
    default Path auditSpoolDir() {
        throw new UnsupportedOperationException("This server does not expose its audit spool");
    }

    /** txauth-audit's signed checkpoint file (distribution server only). */
    default Path auditCheckpointFile() {
        throw new UnsupportedOperationException("This server does not expose its audit checkpoints");
    }

    /** {@code http://127.0.0.1:<management port>} ({@code /metrics}, {@code /health}). */
    default String managementUrl() {
        throw new UnsupportedOperationException("This server does not expose its management port");
    }

    /** The HTTP SMS gateway the server sends through (distribution server only). */
    default SmsGatewayStub smsGateway() {
        throw new UnsupportedOperationException("This server has no SMS gateway stub");
    }

    /** Graceful stop and start on the same database (what an operator's restart does). */
    void restart();

    /** SIGKILL, then start again on the same database: a crash. */
    void crashAndRestart();
}
