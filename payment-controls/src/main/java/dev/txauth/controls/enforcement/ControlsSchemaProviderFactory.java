package dev.txauth.controls.enforcement;

import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Creates {@code txauth_user_ledger} and {@code txauth_ledger_entry} through Keycloak's Liquibase run at start (native
 * SQL only, no JPA entities), and removes a user's rows when Keycloak removes the user.
 */
public class ControlsSchemaProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "txauth-controls";
    static final String CHANGELOG = "META-INF/txauth-controls-changelog.xml";

    private static final JpaEntityProvider PROVIDER = new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new LedgerStore(removed.getKeycloakSession()).forgetAll(removed.getRealm().getId(),
                        removed.getUser().getId());
            }
        });
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
