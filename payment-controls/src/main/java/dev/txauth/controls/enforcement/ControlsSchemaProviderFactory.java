package dev.txauth.controls.enforcement;

import dev.txauth.model.storage.UserTablesSchemaFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Creates {@code txauth_user_ledger} and {@code txauth_ledger_entry} through Keycloak's Liquibase run at start (native
 * SQL only, no JPA entities), and removes a user's rows when Keycloak removes the user.
 */
public class ControlsSchemaProviderFactory extends UserTablesSchemaFactory {

    public static final String PROVIDER_ID = "txauth-controls";
    static final String CHANGELOG = "META-INF/txauth-controls-changelog.xml";

    public ControlsSchemaProviderFactory() {
        super(CHANGELOG, PROVIDER_ID);
    }

    @Override
    protected void forgetUser(KeycloakSession session, String realmId, String userId) {
        new LedgerStore(session).forgetAll(realmId, userId);
    }
}
