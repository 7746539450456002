package dev.txauth.transactions.code;

import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Lets Keycloak's Liquibase create {@code txauth_code} (docs/api.md §9) next to {@code txauth_transaction}: a changelog
 * of its own, so the transaction table's history stays untouched.
 */
public class CodeSchemaProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "txauth-code";
    static final String CHANGELOG = "META-INF/txauth-code-changelog.xml";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);
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
        return PROVIDER_ID;
    }
}
