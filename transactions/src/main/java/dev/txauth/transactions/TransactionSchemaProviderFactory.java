package dev.txauth.transactions;

import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Lets Keycloak's Liquibase create and migrate {@code txauth_transaction} when the server starts, in the same database
 * and under the same migration lock as Keycloak's own schema. No JPA entities: the store uses native SQL, so nothing
 * depends on Hibernate mappings that Keycloak may change between versions.
 */
public class TransactionSchemaProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "txauth-transaction";
    static final String CHANGELOG = "META-INF/txauth-transaction-changelog.xml";

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
        // Keycloak's JPA connection factory runs the changelog; nothing to do here
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
