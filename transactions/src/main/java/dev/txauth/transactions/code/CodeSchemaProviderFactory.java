package dev.txauth.transactions.code;

import dev.txauth.model.storage.ChangelogSchemaFactory;

/**
 * Lets Keycloak's Liquibase create {@code txauth_code} (docs/api.md §9) next to {@code txauth_transaction}: a changelog
 * of its own, so the transaction table's history stays untouched.
 */
public class CodeSchemaProviderFactory extends ChangelogSchemaFactory {

    public static final String PROVIDER_ID = "txauth-code";
    static final String CHANGELOG = "META-INF/txauth-code-changelog.xml";

    public CodeSchemaProviderFactory() {
        super(CHANGELOG, PROVIDER_ID);
    }
}
