package dev.txauth.webhooks;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.util.List;
import java.util.Optional;

/**
 * {@code txauth_webhook_endpoint} through Keycloak's JPA transaction of the calling request. Every statement names
 * the realm, so an endpoint of another realm is simply not found (docs/api.md §11: 404).
 */
final class EndpointStore {

    private static final String COLUMNS = "id, realm_id, url, events, enabled, secret_sealed, created_at, updated_at,"
            + " consecutive_failures, paused_until";

    private final EntityManager em;

    EndpointStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void insert(Endpoint e) {
        em.createNativeQuery("INSERT INTO txauth_webhook_endpoint (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                        + " ?7, ?8, 0, NULL)")
                .setParameter(1, e.id()).setParameter(2, e.realmId()).setParameter(3, e.url())
                .setParameter(4, e.events().stored()).setParameter(5, e.enabled()).setParameter(6, e.secretSealed())
                .setParameter(7, e.createdAt()).setParameter(8, e.updatedAt()).executeUpdate();
    }

    /** A PUT changes what and where, never the secret; re-enabling also lifts a pause. */
    boolean update(String realmId, String id, EndpointRequest r, long now) {
        return em.createNativeQuery("UPDATE txauth_webhook_endpoint SET url = ?3, events = ?4, enabled = ?5,"
                        + " updated_at = ?6, consecutive_failures = CASE WHEN ?5 THEN 0 ELSE consecutive_failures END,"
                        + " paused_until = CASE WHEN ?5 THEN NULL ELSE paused_until END"
                        + " WHERE id = ?1 AND realm_id = ?2")
                .setParameter(1, id).setParameter(2, realmId).setParameter(3, r.url().toString())
                .setParameter(4, r.events().stored()).setParameter(5, r.enabled()).setParameter(6, now)
                .executeUpdate() == 1;
    }

    boolean delete(String realmId, String id) {
        return em.createNativeQuery("DELETE FROM txauth_webhook_endpoint WHERE id = ?1 AND realm_id = ?2")
                .setParameter(1, id).setParameter(2, realmId).executeUpdate() == 1;
    }

    void deleteRealm(String realmId) {
        em.createNativeQuery("DELETE FROM txauth_webhook_endpoint WHERE realm_id = ?1").setParameter(1, realmId)
                .executeUpdate();
    }

    /**
     * Endpoints of every realm whose secret was sealed under another key than {@code keyId}: this node cannot sign
     * their deliveries (docs/cluster.md, "secret-key-file").
     */
    long sealedWithOtherKey(String keyId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM txauth_webhook_endpoint"
                + " WHERE secret_sealed NOT LIKE ?1").setParameter(1, "v1:" + keyId + ":%").getSingleResult())
                .longValue();
    }

    Optional<Endpoint> find(String realmId, String id) {
        return query("SELECT " + COLUMNS + " FROM txauth_webhook_endpoint WHERE id = ?1 AND realm_id = ?2", id,
                realmId).stream().findFirst();
    }

    List<Endpoint> list(String realmId) {
        return query("SELECT " + COLUMNS + " FROM txauth_webhook_endpoint WHERE realm_id = ?1"
                + " ORDER BY created_at, id", realmId, null);
    }

    /** What the listener needs per event: the realm's enabled endpoints (a paused one still gets its outbox rows). */
    List<Endpoint> enabled(String realmId) {
        return list(realmId).stream().filter(Endpoint::enabled).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Endpoint> query(String sql, String first, String second) {
        var q = em.createNativeQuery(sql).setParameter(1, first);
        if (second != null) {
            q.setParameter(2, second);
        }
        return ((List<Object[]>) q.getResultList()).stream().map(EndpointStore::toEndpoint).toList();
    }

    private static Endpoint toEndpoint(Object[] r) {
        return new Endpoint((String) r[0], (String) r[1], (String) r[2], EventFilter.ofStored((String) r[3]),
                (Boolean) r[4], (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                ((Number) r[8]).intValue(), r[9] == null ? null : ((Number) r[9]).longValue());
    }
}
