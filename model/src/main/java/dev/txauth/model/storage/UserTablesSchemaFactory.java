package dev.txauth.model.storage;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * The factory of a {@link ChangelogOnlySchema} whose tables hold rows per user: when Keycloak removes a user,
 * {@link #forgetUser} deletes the user's rows in the same transaction, so nothing outlives its owner.
 */
public abstract class UserTablesSchemaFactory implements JpaEntityProviderFactory {

    private final JpaEntityProvider schema;
    private final String id;

    protected UserTablesSchemaFactory(String changelog, String id) {
        this.schema = new ChangelogOnlySchema(changelog, id);
        this.id = id;
    }

    /** Deletes the user's rows of this factory's tables. */
    protected abstract void forgetUser(KeycloakSession session, String realmId, String userId);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return schema;
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                forgetUser(removed.getKeycloakSession(), removed.getRealm().getId(), removed.getUser().getId());
            }
        });
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
