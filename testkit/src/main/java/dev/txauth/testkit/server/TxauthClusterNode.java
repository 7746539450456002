package dev.txauth.testkit.server;

import dev.txauth.devserver.KeycloakProcess;
import dev.txauth.devserver.KeycloakSettings;
import dev.txauth.testkit.client.AuthorizationClient;

import java.nio.file.Path;

/**
 * One node of a {@link TxauthCluster}, as a {@link TxauthServer}: its own URL, management port and log; the cluster's
 * database, audit database and SMS gateway. {@link #baseUrl()} is the node's own port, for backend calls that must
 * reach this node (payment service, admin, token endpoint without DPoP); tokens carry the cluster's issuer
 * ({@link TxauthCluster#realmUrl()}) whichever node issued them. Browsers and apps go through the front:
 * {@link #newBrowser()} and {@link #pin}. {@link #kill()} crashes it (SIGKILL to the process tree) and leaves it
 * down; {@link #start()} brings it back into the cluster.
 */
public final class TxauthClusterNode extends LocalServer {

    private final TxauthCluster cluster;
    private final int number;

    TxauthClusterNode(TxauthCluster cluster, int number, KeycloakSettings settings, String paymentServiceSecret) {
        super(settings, paymentServiceSecret);
        this.cluster = cluster;
        this.number = number;
    }

    /** 1 or 2. */
    public int number() {
        return number;
    }

    @Override
    protected KeycloakProcess process() {
        return cluster.keycloak().process(number);
    }

    /**
     * A fresh phone pinned to this node: its requests go through the cluster's front (so URLs, cookies and DPoP
     * proofs are those of the one public address) and all reach this node.
     */
    @Override
    public AuthorizationClient newBrowser() {
        return pin(cluster.newBrowser());
    }

    /** From the next request on, this phone (cookies, DPoP key, address kept) talks to this node only. */
    public AuthorizationClient pin(AuthorizationClient app) {
        return app.header(ClusterFrontend.NODE_HEADER, String.valueOf(number));
    }

    public boolean isRunning() {
        return process().isAlive();
    }

    /** A crash: SIGKILL to Keycloak and its start script, no shutdown hook, no final audit checkpoint. */
    public void kill() {
        cluster.keycloak().kill(number);
    }

    /** Starts a killed or stopped node again (same home, spool and chain) and waits until both nodes see each other. */
    public void start() {
        cluster.keycloak().restart(number);
    }

    /** A graceful stop (SIGTERM) of this node only; {@link #start()} brings it back. The cluster stops both. */
    @Override
    public void close() {
        cluster.keycloak().stop(number);
    }

    @Override
    public void restart() {
        cluster.keycloak().restart(number);
    }

    @Override
    public void crashAndRestart() {
        kill();
        start();
    }

    @Override
    public String managementUrl() {
        return "http://127.0.0.1:" + settings.managementPort();
    }

    @Override
    public AuditDatabase auditDatabase() {
        return cluster.auditDatabase();
    }

    @Override
    public SmsGatewayStub smsGateway() {
        return cluster.smsGateway();
    }

    /** This node's own spool (each node writes its own audit chain). */
    @Override
    public Path auditSpoolDir() {
        return settings.workDirectory().resolve(DistributionServer.AUDIT_SPOOL);
    }

    @Override
    public Path auditCheckpointFile() {
        return settings.workDirectory().resolve(DistributionServer.AUDIT_CHECKPOINTS);
    }

    @Override
    public String toString() {
        return "node " + number + " (" + baseUrl() + ")";
    }
}
