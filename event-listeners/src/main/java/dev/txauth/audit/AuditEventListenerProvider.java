package dev.txauth.audit;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Receives the user and admin events of realms that enabled {@code txauth-audit} and hands them to the
 * {@link AuditWriter} only after the Keycloak transaction committed: events of a request that rolls back are never
 * written. Mapping (and so redaction) happens at once, on the request thread, because {@link Event} objects are
 * reused by Keycloak's EventBuilder; the clone guards against that too.
 */
public class AuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListenerProvider.class);

    private final KeycloakSession session;
    private final AuditConfig config;
    private final AuditWriter writer;
    private final EventListenerTransaction afterCommit;

    AuditEventListenerProvider(KeycloakSession session, AuditConfig config, AuditWriter writer) {
        this.session = session;
        this.config = config;
        this.writer = writer;
        this.afterCommit = new EventListenerTransaction(
                (admin, withRepresentation) -> deliver(AuditEventMapper.admin(admin, withRepresentation)),
                event -> deliver(AuditEventMapper.user(event)));
        session.getTransactionManager().enlistAfterCompletion(afterCommit);
    }

    @Override
    public void onEvent(Event event) {
        Event copy = event.clone();
        if (LOG.isDebugEnabled()) {
            // Keycloak-generated ids and the type only: nothing a user typed reaches the log.
            LOG.debugf("txauth-audit buffered USER %s user=%s until commit", copy.getType(),
                    LogSafe.id(copy.getUserId()));
        }
        if (session.getTransactionManager().isActive()) {
            afterCommit.addEvent(copy);
        } else {
            deliver(AuditEventMapper.user(copy));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AdminEvent copy = new AdminEvent(event);
        boolean withRepresentation = includeRepresentation && config.includeRepresentation();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("txauth-audit buffered ADMIN %s %s target=%s until commit", copy.getOperationType(),
                    copy.getResourceType(), LogSafe.id(targetOf(copy.getResourcePath())));
        }
        if (session.getTransactionManager().isActive()) {
            afterCommit.addAdminEvent(copy, withRepresentation);
        } else {
            deliver(AuditEventMapper.admin(copy, withRepresentation));
        }
    }

    private void deliver(AuditRecord record) {
        // Runs inside Keycloak's commit: it must not throw, or the remaining after-commit work would be skipped.
        try {
            writer.accept(record);
        } catch (RuntimeException e) {
            LOG.errorf("txauth-audit: could not accept an audit event (%s)", e.getClass().getSimpleName());
        }
    }

    private static String targetOf(String path) {
        if (path == null || !path.startsWith("users/")) {
            return null;
        }
        int end = path.indexOf('/', 6);
        return end < 0 ? path.substring(6) : path.substring(6, end);
    }

    @Override
    public void close() {
        // the transaction belongs to the session; the writer to the factory
    }
}
