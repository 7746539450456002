package dev.txauth.authenticators.transaction;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts txauth's realm endpoints under {@code /realms/{realm}/txauth}: the transaction registry that payment
 * services call before asking a user for step-up.
 */
public class TxauthRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "txauth";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new TxauthRealmResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        // no options yet
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
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
