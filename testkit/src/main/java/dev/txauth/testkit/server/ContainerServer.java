package dev.txauth.testkit.server;

import dev.txauth.testkit.client.AdminClient;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.txauth.devserver.TxauthBundle;
import dev.txauth.devserver.TxauthKeycloak;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.ZipFile;

/**
 * The same txauth server from the official images (quay.io/keycloak/keycloak + postgres:17) through
 * testcontainers-keycloak, selected with {@code -Dtxauth.server=testcontainers}. Without a Docker engine the extension
 * disables the test classes with a message saying so: this backend cannot run on a Docker-less machine.
 */
final class ContainerServer implements TxauthServer, AutoCloseable {

    private static final String DB_ALIAS = "postgres";

    private final Network network;
    private final GenericContainer<?> postgres;
    private final KeycloakContainer keycloak;
    private final String secret;
    private final AdminClient admin;
    private final Path log;

    private ContainerServer(Network network, GenericContainer<?> postgres, KeycloakContainer keycloak, String secret,
                            Path log) {
        this.network = network;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.secret = secret;
        this.log = log;
        this.admin = new AdminClient(baseUrl(), keycloak.getAdminUsername(), keycloak.getAdminPassword());
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static ContainerServer start() {
        TxauthBundle bundle = TxauthBundle.fromClasspath();
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(24));
        Network network = Network.newNetwork();
        GenericContainer<?> postgres = new GenericContainer<>("postgres:17").withNetwork(network)
                .withNetworkAliases(DB_ALIAS).withEnv("POSTGRES_PASSWORD", "postgres").withExposedPorts(5432)
                .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2));
        postgres.start();
        KeycloakContainer keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:" + bundle.keycloakVersion())
                .withNetwork(network)
                .withProviderLibsFrom(bundle.providerJars().stream().map(Path::toFile).toList())
                .withCopyFileToContainer(MountableFile.forHostPath(extractRealm(bundle)),
                        "/opt/keycloak/data/import/payments-realm.json")
                .withEnv("KC_DB", "postgres")
                .withEnv("KC_DB_URL", "jdbc:postgresql://" + DB_ALIAS + ":5432/postgres")
                .withEnv("KC_DB_USERNAME", "postgres")
                .withEnv("KC_DB_PASSWORD", "postgres")
                .withEnv("PAYMENT_SERVICE_CLIENT_SECRET", secret)
                .withEnv(TxauthKeycloak.CLIENT_AUTH_VARIABLE, TxauthKeycloak.LOCAL_CLIENT_AUTH)
                .withEnv(TxauthKeycloak.JWKS_URL_VARIABLE, TxauthKeycloak.LOCAL_JWKS_URL)
                // as DistributionServer: tests play distinct client IPs with X-Forwarded-For; here the test JVM
                // arrives from the Docker network's gateway
                .withEnv("KC_PROXY_HEADERS", "xforwarded")
                .withEnv("KC_PROXY_TRUSTED_ADDRESSES", "127.0.0.1,172.16.0.0/12,192.168.0.0/16")
                .withEnabledMetrics();
        keycloak.start();
        Path log = Path.of("target", "txauth-container-keycloak.log");
        return new ContainerServer(network, postgres, keycloak, secret, log);
    }

    private static Path extractRealm(TxauthBundle bundle) {
        try (ZipFile zip = new ZipFile(bundle.realmConfigJar().toFile());
             InputStream in = zip.getInputStream(zip.getEntry("payments-realm.json"))) {
            Path file = Files.createTempFile("payments-realm", ".json");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String baseUrl() {
        return keycloak.getAuthServerUrl().replaceAll("/$", "");
    }

    @Override
    public String paymentServiceSecret() {
        return secret;
    }

    @Override
    public AdminClient admin() {
        return admin;
    }

    @Override
    public Path logFile() {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, keycloak.getLogs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/postgres";
    }

    @Override
    public String databaseUser() {
        return "postgres";
    }

    @Override
    public String databasePassword() {
        return "postgres";
    }

    @Override
    public void restart() {
        Assumptions.abort("restart is only supported on the distribution backend");
    }

    @Override
    public void crashAndRestart() {
        Assumptions.abort("crash/restart is only supported on the distribution backend");
    }

    @Override
    public void close() {
        keycloak.stop();
        postgres.stop();
        network.close();
    }
}
