package dev.txauth.devserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one txauth Keycloak is run: where it lives, its ports, its database and bootstrap admin, and anything extra a
 * caller needs (realm placeholders such as the payment-service secret, additional server options).
 */
public record KeycloakSettings(Path workDirectory, int httpPort, int managementPort,
                               String databaseUrl, String databaseUser, String databasePassword,
                               String adminUser, String adminPassword, boolean importDemoUsers,
                               Map<String, String> environment, List<String> extraOptions) {

    public KeycloakSettings {
        if (httpPort == managementPort) {
            // Keycloak would serve its management routes on the HTTP socket and answer some requests with
            // "Resource not found" (see FreePort): refuse the pair instead.
            throw new IllegalArgumentException("the HTTP port and the management port must differ, both are "
                    + httpPort);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The same server with these options appended (such as a cluster member's network address). */
    public KeycloakSettings withExtraOptions(List<String> more) {
        List<String> options = new ArrayList<>(extraOptions);
        options.addAll(more);
        return new KeycloakSettings(workDirectory, httpPort, managementPort, databaseUrl, databaseUser,
                databasePassword, adminUser, adminPassword, importDemoUsers, environment, List.copyOf(options));
    }

    /** Another node of the same cluster: same database, admin, realm and options, its own home and ports. */
    public KeycloakSettings forNode(Path nodeDirectory, int nodeHttpPort, int nodeManagementPort) {
        return new KeycloakSettings(nodeDirectory, nodeHttpPort, nodeManagementPort, databaseUrl, databaseUser,
                databasePassword, adminUser, adminPassword, importDemoUsers, environment, extraOptions);
    }
}
