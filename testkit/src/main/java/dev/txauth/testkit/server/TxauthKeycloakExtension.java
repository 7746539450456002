package dev.txauth.testkit.server;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the txauth Keycloak once per test JVM and hands it to tests as a {@link TxauthServer} parameter.
 * {@code -Dtxauth.server=testcontainers} runs the same tests against testcontainers-keycloak instead (needs Docker;
 * without it those test classes are reported as skipped with the reason, never passed). The default is the
 * distribution, which needs nothing but a JDK.
 */
public class TxauthKeycloakExtension implements ParameterResolver, ExecutionCondition {

    private static final String KEY = TxauthServer.class.getName();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (usesContainers() && !ContainerServer.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(
                    "SKIPPED: -Dtxauth.server=testcontainers needs a Docker engine and none is reachable");
        }
        return ConditionEvaluationResult.enabled("txauth server backend: " + backend());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TxauthServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, key -> new ClosingServer(startServer()), ClosingServer.class).server();
    }

    private static String backend() {
        return System.getProperty("txauth.server", "distribution");
    }

    private static boolean usesContainers() {
        return backend().equals("testcontainers");
    }

    private static TxauthServer startServer() {
        String backend = backend();
        return switch (backend) {
            case "distribution" -> DistributionServer.start();
            case "testcontainers" -> ContainerServer.start();
            default -> throw new IllegalArgumentException("txauth.server must be distribution or testcontainers, not "
                    + backend);
        };
    }

    /** Lets JUnit stop the server when the root context closes, i.e. when the test JVM is done. */
    private record ClosingServer(TxauthServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            if (server instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
