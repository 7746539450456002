package dev.txauth.model.storage;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A {@link JpaEntityProviderFactory} whose only job is to hand Keycloak's Liquibase one changelog of txauth's own
 * (see {@link ChangelogOnlySchema}): subclasses name the changelog and the provider id, nothing else.
 */
public abstract class ChangelogSchemaFactory implements JpaEntityProviderFactory {

    private final String changelog;
    private final String id;

    protected ChangelogSchemaFactory(String changelog, String id) {
        this.changelog = changelog;
        this.id = id;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ChangelogOnlySchema(changelog, id);
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Keycloak's JPA connection factory runs the changelog
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public String getId() {
        return id;
    }
}
