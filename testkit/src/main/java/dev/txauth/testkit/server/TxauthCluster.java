package dev.txauth.testkit.server;

import dev.txauth.devserver.EmbeddedDatabase;
import dev.txauth.devserver.FreePort;
import dev.txauth.devserver.KeycloakCluster;
import dev.txauth.devserver.KeycloakSettings;
import dev.txauth.devserver.TxauthBundle;
import dev.txauth.devserver.WebhookKeyFile;
import dev.txauth.testkit.client.AuthorizationClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two real txauth Keycloak nodes forming one Infinispan cluster (docs/api.md §10, docs/cluster.md), started by the
 * same {@link KeycloakCluster} as {@code TXAUTH_NODES=2 ./txauth-dev}. They share one PostgreSQL (Keycloak's tables,
 * {@code jgroups_ping} discovery, txauth's tables), one audit PostgreSQL and audit key, one webhook secret-sealing key, one SMS gateway stub and one
 * payment-service secret; each node has its own Keycloak home, ports, audit spool and chain, and webhook state directory.
 * <p>
 * Tests receive it from {@link TxauthClusterTest}; one cluster serves every cluster test class of the test JVM.
 * {@link #node(int)} is a {@link TxauthServer} for everything the single-server fixtures take ({@code PaymentService},
 * {@code PaymentJourney}, {@code AuditTable}, {@code TestUsers}...), so a story says on which node each step happens.
 */
public final class TxauthCluster implements AutoCloseable {

    public static final int NODES = 2;

    private final KeycloakCluster keycloak;
    private final ClusterFrontend frontend;
    private final EmbeddedDatabase database;
    private final AuditDatabase auditDatabase;
    private final SmsGatewayStub smsGateway;
    private final List<TxauthClusterNode> nodes;

    private TxauthCluster(KeycloakCluster keycloak, ClusterFrontend frontend, EmbeddedDatabase database,
                          AuditDatabase auditDatabase, SmsGatewayStub smsGateway, String paymentServiceSecret) {
        this.keycloak = keycloak;
        this.frontend = frontend;
        this.database = database;
        this.auditDatabase = auditDatabase;
        this.smsGateway = smsGateway;
        this.nodes = IntStream.rangeClosed(1, keycloak.size())
                .mapToObj(n -> new TxauthClusterNode(this, n, keycloak.settings(n), paymentServiceSecret)).toList();
    }

    /** Starts both nodes under {@code -Dtxauth.cluster.work.dir} (default {@code target/txauth-cluster}). */
    static TxauthCluster start() {
        Path work = Path.of(System.getProperty("txauth.cluster.work.dir", "target/txauth-cluster")).toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.startThrowAway(work.resolve("postgres"), FreePort.find());
        AuditDatabase audit = AuditDatabase.startEmpty(work.resolve("audit-postgres"));
        SmsGatewayStub sms = new SmsGatewayStub(FreePort.find());
        List<KeycloakSettings> settings = new ArrayList<>();
        ClusterFrontend frontend = new ClusterFrontend(NODES, n -> "http://127.0.0.1:" + settings.get(n - 1).httpPort());
        try {
            // One key for every node: /verify on either node checks both nodes' chains (docs/audit.md).
            Path auditKey = DistributionServer.writeAuditKey(work.resolve(DistributionServer.AUDIT_KEY));
            // One webhook secret-sealing key too: an endpoint created through node 1 is delivered by node 2.
            String webhookKey = WebhookKeyFile.option(WebhookKeyFile.inDirectory(work));
            String secret = DistributionServer.randomSecret();
            String adminPassword = DistributionServer.randomSecret();
            IntStream.rangeClosed(1, NODES).mapToObj(n -> {
                Path nodeDir = work.resolve("node" + n);
                DistributionServer.deleteQuietly(nodeDir.resolve("keycloak.log"));
                DistributionServer.deleteAuditState(nodeDir);
                return new KeycloakSettings(nodeDir, FreePort.find(), FreePort.find(), database.jdbcUrl(),
                        EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, "admin", adminPassword, true,
                        DistributionServer.serverEnvironment(secret, audit, sms),
                        DistributionServer.serverOptions(nodeDir, audit, auditKey, sms))
                        // One public address, as behind a load balancer: the same issuer and URLs on both nodes.
                        .withExtraOptions(List.of("--hostname=" + frontend.url(), webhookKey));
            }).forEach(settings::add);
            KeycloakCluster keycloak = KeycloakCluster.start(TxauthBundle.fromClasspath(), settings, "127.0.0.1",
                    settings.stream().map(s -> FreePort.find()).toList());
            return new TxauthCluster(keycloak, frontend, database, audit, sms, secret);
        } catch (RuntimeException e) {
            frontend.close();
            database.close();
            audit.close();
            sms.close();
            throw e;
        }
    }

    /** @param number 1 or 2 */
    public TxauthClusterNode node(int number) {
        if (number < 1 || number > nodes.size()) {
            throw new IllegalArgumentException("No node " + number + " in a cluster of " + nodes.size());
        }
        return nodes.get(number - 1);
    }

    public TxauthClusterNode node1() {
        return node(1);
    }

    public TxauthClusterNode node2() {
        return node(2);
    }

    public List<TxauthClusterNode> nodes() {
        return nodes;
    }

    /** Node 1 for even {@code i}, node 2 for odd: spreads a loop of requests over both nodes. */
    public TxauthClusterNode alternate(int i) {
        return nodes.get(Math.floorMod(i, nodes.size()));
    }

    /**
     * The public address of both nodes ({@code http://localhost:<port>}, the front that forwards to them): issuer,
     * redirects and cookies are under it, whichever node answers.
     */
    public String frontUrl() {
        return frontend.url();
    }

    /** The issuer of every token, on either node. */
    public String realmUrl() {
        return frontend.url() + "/realms/" + TxauthServer.REALM;
    }

    /**
     * A fresh phone (own cookies, address, DPoP key) behind the front without a pin: each request goes to the next
     * node in turn, as behind a load balancer without sticky sessions.
     */
    public AuthorizationClient newBrowser() {
        return new AuthorizationClient(realmUrl());
    }

    /** The audit PostgreSQL both nodes write to. */
    public AuditDatabase auditDatabase() {
        return auditDatabase;
    }

    /** The SMS gateway both nodes send through. */
    public SmsGatewayStub smsGateway() {
        return smsGateway;
    }

    /** From the first node's start until both were ready (measured once, at the start of the test JVM). */
    public Duration startTime() {
        return keycloak.startTime();
    }

    /** From the first node's start until both nodes' cluster view counted both. */
    public Duration viewTime() {
        return keycloak.viewTime();
    }

    /** Waits until every node's latest Infinispan view counts every node (after a restart, for instance). */
    public void awaitFullView() {
        keycloak.awaitFullView();
    }

    KeycloakCluster keycloak() {
        return keycloak;
    }

    @Override
    public void close() {
        keycloak.close();
        frontend.close();
        database.close();
        auditDatabase.close();
        smsGateway.close();
    }
}
