package dev.txauth.model.storage;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import java.util.List;

/**
 * A table txauth owns in Keycloak's database, created and migrated by Keycloak's own Liquibase run at start (under its
 * database lock, recorded in its changelog table). No JPA entities: txauth uses its tables with native SQL only, which
 * keeps it clear of Keycloak's Hibernate model (and of {@code getEntities()}, deprecated in 26.8).
 */
public record ChangelogOnlySchema(String changelogLocation, String factoryId) implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of();
    }

    @Override
    public String getChangelogLocation() {
        return changelogLocation;
    }

    @Override
    public String getFactoryId() {
        return factoryId;
    }

    @Override
    public void close() {
        // immutable
    }
}
