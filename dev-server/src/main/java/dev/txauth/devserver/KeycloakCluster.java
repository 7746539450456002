package dev.txauth.devserver;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several txauth Keycloak nodes forming one Infinispan cluster on one shared PostgreSQL (docs/api.md §10,
 * docs/cluster.md). The dev server ({@code TXAUTH_NODES=2}) and the testkit's cluster tests both start it here, so the
 * pair a developer runs is the pair the tests kill and restart.
 * <p>
 * Nodes start one after another: the first creates the schema and imports the realm, the others find both done.
 * The cluster is up when every node is ready and every node's latest view counts all of them.
 */
public final class KeycloakCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakCluster.class);
    /** Measured: the full view appears ~5 s after the last node is ready; a busy CI machine gets ample margin. */
    public static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);

    private final TxauthBundle bundle;
    private final List<KeycloakSettings> settings;
    private final List<ClusterNode> nodes;
    private final List<KeycloakProcess> processes;
    private final Duration startTime;
    private final Duration viewTime;

    private KeycloakCluster(TxauthBundle bundle, List<KeycloakSettings> settings, List<ClusterNode> nodes,
                            List<KeycloakProcess> processes, Duration startTime, Duration viewTime) {
        this.bundle = bundle;
        this.settings = settings;
        this.nodes = nodes;
        this.processes = processes;
        this.startTime = startTime;
        this.viewTime = viewTime;
    }

    /**
     * Starts node 1, then node 2, ..., and waits for the view of all of them.
     *
     * @param settings  one per node: own work directory (own Keycloak home), own HTTP and management ports, the same
     *                  database
     * @param bindPorts the JGroups port of each node, in the same order
     */
    public static KeycloakCluster start(TxauthBundle bundle, List<KeycloakSettings> settings, String bindAddress,
                                        List<Integer> bindPorts) {
        if (settings.size() < 2 || settings.size() != bindPorts.size()) {
            throw new IllegalArgumentException("A cluster needs at least two nodes, each with a bind port");
        }
        List<ClusterNode> nodes = IntStream.range(0, settings.size())
                .mapToObj(i -> new ClusterNode(i + 1, bindAddress, bindPorts.get(i))).toList();
        List<KeycloakProcess> processes = new ArrayList<>();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                LOG.infof("Starting cluster node %d on %s", i + 1, settings.get(i).baseUrl());
                processes.add(TxauthKeycloak.startClusterNode(bundle, settings.get(i), nodes.get(i)));
            }
            Duration startTime = Duration.ofNanos(System.nanoTime() - began);
            ClusterView.await(processes.stream().map(KeycloakProcess::logFile).toList(), nodes.size(), VIEW_TIMEOUT);
            Duration viewTime = Duration.ofNanos(System.nanoTime() - began);
            LOG.infof("Cluster of %d nodes ready in %d s, full view after %d s", nodes.size(),
                    startTime.toSeconds(), viewTime.toSeconds());
            return new KeycloakCluster(bundle, List.copyOf(settings), nodes, processes, startTime, viewTime);
        } catch (RuntimeException e) {
            processes.forEach(KeycloakProcess::close);
            throw e;
        }
    }

    public int size() {
        return nodes.size();
    }

    /** @param number 1-based */
    public KeycloakSettings settings(int number) {
        return settings.get(index(number));
    }

    /** The node's current process (a restart replaces it). */
    public synchronized KeycloakProcess process(int number) {
        return processes.get(index(number));
    }

    /** From the first start until every node was ready. */
    public Duration startTime() {
        return startTime;
    }

    /** From the first start until every node's view counted every node. */
    public Duration viewTime() {
        return viewTime;
    }

    /** A crash: SIGKILL to the node's process tree, no shutdown hook runs. The other nodes keep serving. */
    public synchronized void kill(int number) {
        process(number).kill();
    }

    /** A graceful stop (SIGTERM) of one node. */
    public synchronized void stop(int number) {
        process(number).close();
    }

    /**
     * Starts a stopped or killed node again on the same home and database, and waits until all nodes see each other.
     */
    public synchronized void restart(int number) {
        KeycloakProcess current = process(number);
        if (current.isAlive()) {
            current.close();
        }
        List<Integer> skip = processes.stream().map(p -> 0).collect(Collectors.toList());
        // The restarted node's log still holds the views of its previous run: only new ones count.
        skip.set(index(number), ClusterView.lineCount(current.logFile()));
        processes.set(index(number), TxauthKeycloak.startClusterNode(bundle, settings(number), nodes.get(index(number))));
        ClusterView.await(logFiles(), skip, nodes.size(), VIEW_TIMEOUT);
    }

    /** Waits until every node's latest view counts every node. */
    public void awaitFullView() {
        ClusterView.await(logFiles(), nodes.size(), VIEW_TIMEOUT);
    }

    private List<Path> logFiles() {
        return processes.stream().map(KeycloakProcess::logFile).toList();
    }

    @Override
    public synchronized void close() {
        // Last node first: node 1 is the coordinator, so the others leave without a coordinator change.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    private int index(int number) {
        if (number < 1 || number > nodes.size()) {
            throw new IllegalArgumentException("No node " + number + " in a cluster of " + nodes.size());
        }
        return number - 1;
    }
}
