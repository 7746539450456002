package dev.txauth.devserver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What {@code ./txauth-dev} runs: one Keycloak (the default, single-node cache as always) or, with
 * {@code TXAUTH_NODES=2}, two nodes forming one cluster on the same database (docs/api.md §10): node 2 on
 * {@code KC_HTTP_PORT}+1 and management port +1, JGroups on 127.0.0.1:7800 and :7801
 * ({@code TXAUTH_CLUSTER_PORT}), each under its own
 * {@code .txauth/node<n>/}, and one webhook secret-sealing key ({@code .txauth/webhook-secret.key}) for both.
 */
final class DevNodes implements AutoCloseable {

    static final String NODES_ENV = "TXAUTH_NODES";
    static final String CLUSTER_BIND_ADDRESS = "127.0.0.1";
    /** JGroups port of node 1 (node 2: +1); {@code TXAUTH_CLUSTER_PORT} moves both, e.g. when 7800 is taken. */
    static final String CLUSTER_PORT_ENV = "TXAUTH_CLUSTER_PORT";
    static final int FIRST_CLUSTER_PORT = 7800;

    private final KeycloakProcess single;
    private final KeycloakCluster cluster;

    private DevNodes(KeycloakProcess single, KeycloakCluster cluster) {
        this.single = single;
        this.cluster = cluster;
    }

    static DevNodes start(TxauthBundle bundle, KeycloakSettings settings, int nodes) {
        if (nodes == 1) {
            return new DevNodes(TxauthKeycloak.start(bundle, settings), null);
        }
        Path state = settings.workDirectory();
        // One webhook key for both nodes: an endpoint created through one node is delivered by either.
        KeycloakSettings shared = settings.withExtraOptions(List.of(WebhookKeyFile.option(
                WebhookKeyFile.inDirectory(state))));
        List<KeycloakSettings> perNode = List.of(
                shared.forNode(state.resolve("node1"), settings.httpPort(), settings.managementPort()),
                shared.forNode(state.resolve("node2"), settings.httpPort() + 1, settings.managementPort() + 1));
        System.out.printf("Starting a cluster of two nodes: %s and %s (first start builds each node, ~1 min)%n",
                perNode.get(0).baseUrl(), perNode.get(1).baseUrl());
        int clusterPort = Integer.parseInt(System.getenv().getOrDefault(CLUSTER_PORT_ENV,
                String.valueOf(FIRST_CLUSTER_PORT)));
        return new DevNodes(null, KeycloakCluster.start(bundle, perNode, CLUSTER_BIND_ADDRESS,
                List.of(clusterPort, clusterPort + 1)));
    }

    List<Path> logFiles() {
        if (cluster == null) {
            return List.of(single.logFile());
        }
        return IntStream.rangeClosed(1, cluster.size())
                .mapToObj(n -> cluster.process(n).logFile()).toList();
    }

    boolean allAlive() {
        if (cluster == null) {
            return single.isAlive();
        }
        return IntStream.rangeClosed(1, cluster.size()).allMatch(n -> cluster.process(n).isAlive());
    }

    /** The node list under the banner, only for a cluster (a single node's URL is the banner's). */
    void printNodes() {
        if (cluster == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "  Cluster       %d nodes, one Infinispan view; ready in %.1f s, full view after"
                + " %.1f s%n", cluster.size(), cluster.startTime().toMillis() / 1000.0,
                cluster.viewTime().toMillis() / 1000.0);
        for (int n = 1; n <= cluster.size(); n++) {
            KeycloakSettings node = cluster.settings(n);
            System.out.printf("  Node %d        %s   health: http://127.0.0.1:%d/health/ready   log: %s%n", n,
                    node.baseUrl(), node.managementPort(), cluster.process(n).logFile());
        }
    }

    @Override
    public void close() {
        if (cluster == null) {
            single.close();
        } else {
            cluster.close();
        }
    }
}
