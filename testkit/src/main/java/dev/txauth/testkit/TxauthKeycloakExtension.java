package dev.txauth.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the txauth Keycloak once per test JVM and hands it to tests as a {@link TxauthServer} parameter.
 * {@code -Dtxauth.server=testcontainers} runs the same tests against testcontainers-keycloak instead (needs Docker;
 * without it those tests are aborted with a message, never silently passed). The default is the distribution.
 */
public class TxauthKeycloakExtension implements ParameterResolver {

    private static final String KEY = TxauthServer.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TxauthServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(KEY, key -> new ClosingServer(startServer()), ClosingServer.class).server();
    }

    private static TxauthServer startServer() {
        String backend = System.getProperty("txauth.server", "distribution");
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
