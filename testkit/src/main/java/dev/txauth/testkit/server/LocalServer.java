package dev.txauth.testkit.server;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.devserver.KeycloakProcess;
import dev.txauth.devserver.KeycloakSettings;

import java.nio.file.Path;

/**
 * A Keycloak this test JVM runs as a local process from the distribution (the txauth server or the vanilla baseline):
 * what a test reads off it comes straight from the settings it was started with.
 */
public abstract class LocalServer implements TxauthServer, AutoCloseable {

    protected final KeycloakSettings settings;
    private final String paymentServiceSecret;
    private final AdminClient admin;

    protected LocalServer(KeycloakSettings settings, String paymentServiceSecret) {
        this.settings = settings;
        this.paymentServiceSecret = paymentServiceSecret;
        this.admin = new AdminClient(settings.baseUrl(), settings.adminUser(), settings.adminPassword());
    }

    /** The running Keycloak process (replaced by a restart). */
    protected abstract KeycloakProcess process();

    @Override
    public String baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public String paymentServiceSecret() {
        return paymentServiceSecret;
    }

    @Override
    public AdminClient admin() {
        return admin;
    }

    /** Resident memory of the Keycloak JVM now (Linux). */
    public long residentBytes() {
        return process().residentBytes();
    }

    public long jvmPid() {
        return process().jvmPid();
    }

    @Override
    public Path logFile() {
        return process().logFile();
    }

    @Override
    public String jdbcUrl() {
        return settings.databaseUrl();
    }

    @Override
    public String databaseUser() {
        return settings.databaseUser();
    }

    @Override
    public String databasePassword() {
        return settings.databasePassword();
    }
}
