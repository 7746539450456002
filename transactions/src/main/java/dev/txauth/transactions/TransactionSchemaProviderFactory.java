package dev.txauth.transactions;

import dev.txauth.model.provider.StatelessFactory;
import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Lets Keycloak's Liquibase create and migrate {@code txauth_transaction} when the server starts, in the same database
 * and under the same migration lock as Keycloak's own schema. No JPA entities: the store uses native SQL, so nothing
 * depends on Hibernate mappings that Keycloak may change between versions.
 */
public class TransactionSchemaProviderFactory implements JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "txauth-transaction";
    static final String CHANGELOG = "META-INF/txauth-transaction-changelog.xml";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
