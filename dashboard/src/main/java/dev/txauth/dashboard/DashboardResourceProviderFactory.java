package dev.txauth.dashboard;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts {@link DashboardResource} at {@code /realms/{realm}/txauth-dashboard} for every realm; the page signs in
 * through the realm's {@code txauth-dashboard} public client (docs/dashboard.md) and shows data only to holders of
 * {@code view-events}, because the admin REST it calls enforces that.
 */
public class DashboardResourceProviderFactory implements RealmResourceProviderFactory,
        StatelessFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "txauth-dashboard";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new DashboardResource(session);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
