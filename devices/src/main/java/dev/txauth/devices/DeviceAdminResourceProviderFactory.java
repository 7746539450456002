package dev.txauth.devices;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link DeviceAdminResource} at {@code /admin/realms/{realm}/txauth-devices}. */
public class DeviceAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider,
        StatelessFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "txauth-devices";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new DeviceAdminResource(session, realm, auth);
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
