package dev.txauth.webhooks;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Whether a realm has any enabled webhook endpoint, kept as a realm attribute so the listener need not query
 * {@code txauth_webhook_endpoint} on every event of a realm that has none (the profile of issue 15: that query was
 * txauth's largest wait on the login path). Realm attributes live in Keycloak's realm cache, which every node
 * invalidates when the realm changes, and the attribute is written in the same transaction as the endpoint change, so
 * the hint is as cluster-wide and transactional as the endpoints themselves. Only "0" skips the query; a realm without
 * the attribute (endpoints created before it existed) is always queried.
 */
final class EndpointPresence {

    static final String ATTRIBUTE = "txauth.webhooks.enabled-endpoints";

    private EndpointPresence() {
    }

    /**
     * After an endpoint change in this transaction: stores how many enabled endpoints the realm now has. Changes of
     * one realm are serialised on its row first, so the last writer always counts what the previous one committed
     * (two admins creating and deleting at once can never leave "0" behind while an endpoint exists).
     */
    static void record(KeycloakSession session, RealmModel realm) {
        // Keycloak's realm table, so through the EntityManager (not TxauthSql): Hibernate flushes pending changes first.
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNativeQuery("SELECT id FROM realm WHERE id = ?1 FOR UPDATE").setParameter(1, realm.getId())
                .getResultList();
        realm.setAttribute(ATTRIBUTE, Integer.toString(new EndpointStore(session).enabled(realm.getId()).size()));
    }

    /** False only when the realm records that it has no enabled endpoint. */
    static boolean mayHaveEndpoints(RealmModel realm) {
        return realm == null || !"0".equals(realm.getAttribute(ATTRIBUTE));
    }
}
