package dev.txauth.audit;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * Receives user and admin events for the realms that enabled {@code txauth-audit}. For now it only records that the
 * event arrived (type and id, nothing user-controlled); the PostgreSQL audit trail builds on this.
 */
public class AuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListenerProvider.class);

    @Override
    public void onEvent(Event event) {
        LOG.infof("txauth-audit received user event %s id=%s", event.getType(), event.getId());
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        LOG.infof("txauth-audit received admin event %s %s id=%s", event.getOperationType(),
                event.getResourceType(), event.getId());
    }

    @Override
    public void close() {
        // per-request object, nothing held
    }
}
