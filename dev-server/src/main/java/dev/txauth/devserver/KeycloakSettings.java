package dev.txauth.devserver;

import java.nio.file.Path;
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

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }
}
