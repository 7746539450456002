package dev.txauth.devserver;

import java.util.List;

/**
 * One member of a txauth Keycloak cluster (docs/api.md §10, docs/cluster.md): which node it is and where its embedded
 * Infinispan listens for the other members. Discovery needs nothing here: the default {@code jdbc-ping} stack finds
 * the members through table {@code jgroups_ping} in the PostgreSQL they share.
 *
 * @param number      1-based, for names and logs
 * @param bindAddress the address JGroups binds to; {@code 127.0.0.1} when every node runs on this machine
 * @param bindPort    the JGroups TCP port (7800, 7801, ... in the dev server; free ports in tests)
 */
public record ClusterNode(int number, String bindAddress, int bindPort) {

    public ClusterNode {
        if (number < 1) {
            throw new IllegalArgumentException("Node numbers start at 1, not " + number);
        }
        if (bindPort < 1 || bindPort > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + bindPort);
        }
    }

    /** Runtime options that make {@code kc.sh start} join the cluster from this address. */
    public List<String> runtimeOptions() {
        return List.of("--cache-embedded-network-bind-address=" + bindAddress,
                "--cache-embedded-network-bind-port=" + bindPort);
    }
}
