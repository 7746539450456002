package dev.txauth.audit;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keycloak's own database through {@code JpaConnectionProviderFactory.getConnection()} (the caller closes it), the
 * least coupled way to reach Keycloak's pool from a background thread. Looked up by name because
 * keycloak-model-jpa is not published for compilation; the method has been stable since Keycloak 4.
 */
final class KeycloakDatabase implements ConnectionSource {

    private final ProviderFactory<?> factory;
    private final Method getConnection;
    private final String schemaPrefix;

    private KeycloakDatabase(ProviderFactory<?> factory, Method getConnection, String schemaPrefix) {
        this.factory = factory;
        this.getConnection = getConnection;
        this.schemaPrefix = schemaPrefix;
    }

    @SuppressWarnings("unchecked")
    static KeycloakDatabase from(KeycloakSessionFactory sessionFactory) {
        try {
            ClassLoader loader = KeycloakSessionFactory.class.getClassLoader();
            Class<? extends Provider> spi = (Class<? extends Provider>) Class.forName(
                    "org.keycloak.connections.jpa.JpaConnectionProvider", false, loader);
            ProviderFactory<?> factory = sessionFactory.getProviderFactory(spi);
            Class<?> factoryType = Class.forName("org.keycloak.connections.jpa.JpaConnectionProviderFactory", false,
                    loader);
            Method getConnection = factoryType.getMethod("getConnection");
            String schema = (String) factoryType.getMethod("getSchema").invoke(factory);
            return new KeycloakDatabase(factory, getConnection, schema == null || schema.isBlank() ? "" : schema + ".");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("txauth-audit: Keycloak's JPA connection factory is not available; "
                    + "set --spi-events-listener--txauth-audit--jdbc-url", e);
        }
    }

    @Override
    public Connection open() throws SQLException {
        try {
            return (Connection) getConnection.invoke(factory);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SQLException("Keycloak database connection failed", cause);
        }
    }

    @Override
    public String schemaPrefix() {
        return schemaPrefix;
    }
}
