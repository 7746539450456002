package dev.txauth.transactions.code;

import dev.txauth.model.provider.StatelessFactory;
import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Lets Keycloak's Liquibase create {@code txauth_code} (docs/api.md §9) next to {@code txauth_transaction}: a changelog
 * of its own, so the transaction table's history stays untouched.
 */
public class CodeSchemaProviderFactory implements JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "txauth-code";
    static final String CHANGELOG = "META-INF/txauth-code-changelog.xml";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
