package dev.txauth.testkit.server;

import dev.txauth.testkit.users.TestUser;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the two-node {@link TxauthCluster} once per test JVM and injects it, and fresh users created through node 1
 * (a user is in the shared database, so both nodes know it at once), into {@link TxauthClusterTest} classes.
 */
public class TxauthClusterExtension implements ParameterResolver {

    private static final String KEY = TxauthCluster.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TxauthCluster.class || type == TestUser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TxauthCluster cluster = cluster(context);
        if (parameter.getParameter().getType() == TxauthCluster.class) {
            return cluster;
        }
        // A test that killed node 1 may still need users: create them on whichever node is up.
        TxauthServer creator = cluster.node1().isRunning() ? cluster.node1() : cluster.node2();
        return TxauthKeycloakExtension.user(creator, parameter, context);
    }

    private static TxauthCluster cluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, key -> new ClosingCluster(TxauthCluster.start()), ClosingCluster.class)
                .cluster();
    }

    /** Lets JUnit stop the cluster when the root context closes, i.e. when the test JVM is done. */
    private record ClosingCluster(TxauthCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
