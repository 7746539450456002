package dev.txauth.webhooks;

import dev.txauth.model.provider.StatelessFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link WebhookAdminResource} under {@code /admin/realms/{realm}/txauth-webhooks}, sharing the listener
 * factory's settings and secret key.
 */
public class WebhookAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        AdminRealmResourceProvider, StatelessFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "txauth-webhooks";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        WebhookEventListenerProviderFactory webhooks = (WebhookEventListenerProviderFactory) session
                .getKeycloakSessionFactory().getProviderFactory(EventListenerProvider.class,
                        WebhookEventListenerProviderFactory.PROVIDER_ID);
        return new WebhookAdminResource(session, realm, auth, webhooks);
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
