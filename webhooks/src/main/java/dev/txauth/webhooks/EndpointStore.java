package dev.txauth.webhooks;

import dev.txauth.model.storage.TxauthSql;
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

    private final TxauthSql db;

    EndpointStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    void insert(Endpoint e) {
        db.update("INSERT INTO txauth_webhook_endpoint (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                + " ?7, ?8, 0, NULL)", e.id(), e.realmId(), e.url(), e.events().stored(), e.enabled(), e.secretSealed(),
                e.createdAt(), e.updatedAt());
    }

    /** A PUT changes what and where, never the secret; re-enabling also lifts a pause. */
    boolean update(String realmId, String id, EndpointRequest r, long now) {
        return db.update("UPDATE txauth_webhook_endpoint SET url = ?3, events = ?4, enabled = ?5,"
                + " updated_at = ?6, consecutive_failures = CASE WHEN ?5 THEN 0 ELSE consecutive_failures END,"
                + " paused_until = CASE WHEN ?5 THEN NULL ELSE paused_until END"
                + " WHERE id = ?1 AND realm_id = ?2", id, realmId, r.url().toString(), r.events().stored(), r.enabled(),
                now) == 1;
    }

    boolean delete(String realmId, String id) {
        return db.update("DELETE FROM txauth_webhook_endpoint WHERE id = ?1 AND realm_id = ?2", id, realmId) == 1;
    }

    void deleteRealm(String realmId) {
        db.update("DELETE FROM txauth_webhook_endpoint WHERE realm_id = ?1", realmId);
    }

    /**
     * Endpoints of every realm whose secret was sealed under another key than {@code keyId}: this node cannot sign
     * their deliveries (docs/cluster.md, "secret-key-file").
     */
    long sealedWithOtherKey(String keyId) {
        return ((Number) db.value("SELECT count(*) FROM txauth_webhook_endpoint"
                + " WHERE secret_sealed NOT LIKE ?1", "v1:" + keyId + ":%"))
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

    private List<Endpoint> query(String sql, String first, String second) {
        Object[] params = second == null ? new Object[]{first} : new Object[]{first, second};
        return db.rows(sql, params).stream().map(EndpointStore::toEndpoint).toList();
    }

    private static Endpoint toEndpoint(Object[] r) {
        return new Endpoint((String) r[0], (String) r[1], (String) r[2], EventFilter.ofStored((String) r[3]),
                (Boolean) r[4], (String) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                ((Number) r[8]).intValue(), r[9] == null ? null : ((Number) r[9]).longValue());
    }
}
