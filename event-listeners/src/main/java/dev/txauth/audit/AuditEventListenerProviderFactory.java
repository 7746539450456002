package dev.txauth.audit;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the {@code txauth-audit} event listener. Realms enable it in "Realm settings → Events → Event listeners"
 * (the payments realm JSON does so); it then receives every user and admin event of that realm.
 */
public class AuditEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "txauth-audit";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider();
    }

    @Override
    public void init(Config.Scope config) {
        // options arrive with the PostgreSQL writer
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire yet
    }

    @Override
    public void close() {
        // no resources yet
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
