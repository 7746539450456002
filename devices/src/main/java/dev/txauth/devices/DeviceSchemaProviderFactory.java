package dev.txauth.devices;

import dev.txauth.model.storage.UserTablesSchemaFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Creates {@code txauth_device} and {@code txauth_device_binding} through Keycloak's own Liquibase run at start (under
 * its database lock, tracked in a changelog table of its own). No JPA entities: the tables are used with native SQL
 * only, which keeps txauth clear of Keycloak's Hibernate model. Also removes a user's devices and bound key when
 * Keycloak removes the user.
 */
public class DeviceSchemaProviderFactory extends UserTablesSchemaFactory {

    public static final String PROVIDER_ID = "txauth-device";
    static final String CHANGELOG = "META-INF/txauth-device-changelog.xml";

    public DeviceSchemaProviderFactory() {
        super(CHANGELOG, PROVIDER_ID);
    }

    @Override
    protected void forgetUser(KeycloakSession session, String realmId, String userId) {
        new DeviceStore(session).forgetAll(realmId, userId);
        new DeviceBindingStore(session).forgetAll(realmId, userId);
    }
}
