package dev.txauth.webhooks;

import dev.txauth.audit.AuditEventMapper;
import dev.txauth.audit.AuditRecord;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one outbox row per subscribed endpoint for every user and admin event of a realm that enabled
 * {@code txauth-webhooks}, inside the request's own Keycloak transaction (docs/api.md §11): the row commits with the
 * event's changes or not at all, so a crash after the commit loses nothing and a rollback sends nothing. The event is
 * mapped and redacted by the audit listener's {@link AuditEventMapper}, so a body says what the audit row says.
 */
public class WebhookEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final WebhookSender sender;
    private boolean wakeEnlisted;
    /**
     * The realm's enabled endpoints as read in this request's transaction: a password POST sends two events (the
     * risk decision and LOGIN), and one read serves both. Only for the request's own transaction, which is also the
     * one the outbox rows join (an event after it ended reads afresh in its own).
     */
    private final Map<String, List<Endpoint>> enabledInTransaction = new HashMap<>();

    WebhookEventListenerProvider(KeycloakSession session, WebhookSender sender) {
        this.session = session;
        this.sender = sender;
    }

    @Override
    public void onEvent(Event event) {
        enqueue(AuditEventMapper.user(event.clone()));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Representations never leave the server in a webhook: they are admin input, not an event.
        enqueue(AuditEventMapper.admin(new AdminEvent(event), false));
    }

    private void enqueue(AuditRecord record) {
        if (session.getTransactionManager().isActive()) {
            List<Endpoint> enabled = enabledInTransaction.computeIfAbsent(record.realmId(),
                    realmId -> enabled(session, realmId));
            if (write(session, record, enabled) && !wakeEnlisted) {
                wakeEnlisted = true;
                session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        sender.wake();
                    }

                    @Override
                    protected void rollbackImpl() {
                        // nothing was written
                    }
                });
            }
        } else {
            // An event sent after its request's transaction ended: it gets a transaction of its own.
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    s -> write(s, record, enabled(s, record.realmId())));
            sender.wake();
        }
    }

    private static List<Endpoint> enabled(KeycloakSession s, String realmId) {
        if (!EndpointPresence.mayHaveEndpoints(s.realms().getRealm(realmId))) {
            return List.of();
        }
        return new EndpointStore(s).enabled(realmId);
    }

    /** @return whether any endpoint subscribed to the event */
    private boolean write(KeycloakSession s, AuditRecord record, List<Endpoint> enabled) {
        List<Endpoint> subscribed = enabled.stream()
                .filter(e -> e.events().matches(record.type())).toList();
        if (subscribed.isEmpty()) {
            return false;
        }
        RealmModel realm = s.realms().getRealm(record.realmId());
        String body = WebhookBody.of(record, realm == null ? record.realmId() : realm.getName());
        long now = System.currentTimeMillis();
        long expiresAt = now + WebhookSettingsTab.settings(s, realm).maxAge().toMillis();
        DeliveryStore outbox = new DeliveryStore(s);
        for (Endpoint e : subscribed) {
            outbox.insert(UUID.randomUUID().toString(), e.id(), record.realmId(), WebhookBody.webhookId(record),
                    record.type(), body, now, expiresAt);
        }
        return true;
    }

    @Override
    public void close() {
        // the session owns the transaction
    }
}
