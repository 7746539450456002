package dev.txauth.devices;

import dev.txauth.model.provider.StatelessFactory;
import dev.txauth.model.storage.ChangelogOnlySchema;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Creates {@code txauth_device} through Keycloak's own Liquibase run at start (under its database lock, tracked in a
 * changelog table of its own). No JPA entities: the table is used with native SQL only, which keeps txauth clear of
 * Keycloak's Hibernate model. Also removes a user's devices when Keycloak removes the user.
 */
public class DeviceSchemaProviderFactory implements JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "txauth-device";
    static final String CHANGELOG = "META-INF/txauth-device-changelog.xml";

    private static final JpaEntityProvider PROVIDER = new ChangelogOnlySchema(CHANGELOG, PROVIDER_ID);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new DeviceStore(removed.getKeycloakSession()).forgetAll(removed.getRealm().getId(),
                        removed.getUser().getId());
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
