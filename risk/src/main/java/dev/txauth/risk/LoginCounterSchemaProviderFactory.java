package dev.txauth.risk;

import dev.txauth.model.storage.UserTablesSchemaFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Creates {@code txauth_login_counter} through Keycloak's own Liquibase run at start (see {@link LoginCounterStore});
 * removes a user's own counters when Keycloak removes the user.
 */
public class LoginCounterSchemaProviderFactory extends UserTablesSchemaFactory {

    public static final String PROVIDER_ID = "txauth-login-counter";
    static final String CHANGELOG = "META-INF/txauth-login-counter-changelog.xml";

    public LoginCounterSchemaProviderFactory() {
        super(CHANGELOG, PROVIDER_ID);
    }

    @Override
    protected void forgetUser(KeycloakSession session, String realmId, String userId) {
        new LoginCounterStore(session).forgetUser(realmId, userId);
    }
}
