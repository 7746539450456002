package dev.txauth.transactions;

import dev.txauth.model.storage.ChangelogSchemaFactory;

/**
 * Lets Keycloak's Liquibase create and migrate {@code txauth_transaction} when the server starts, in the same database
 * and under the same migration lock as Keycloak's own schema. No JPA entities: the store uses native SQL, so nothing
 * depends on Hibernate mappings that Keycloak may change between versions.
 */
public class TransactionSchemaProviderFactory extends ChangelogSchemaFactory {

    public static final String PROVIDER_ID = "txauth-transaction";
    static final String CHANGELOG = "META-INF/txauth-transaction-changelog.xml";

    public TransactionSchemaProviderFactory() {
        super(CHANGELOG, PROVIDER_ID);
    }
}
