package dev.txauth.webhooks;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox {@code txauth_webhook_delivery}. Rows are written by the event listener inside the request's own
 * transaction; senders claim due rows with {@code FOR UPDATE SKIP LOCKED} and push their next attempt time one lease
 * ahead in the same short statement, so two nodes never claim the same row and a node that dies mid-attempt
 * leaves it due again after the lease (at least once, docs/api.md §11).
 */
final class DeliveryStore {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private final TxauthSql db;

    DeliveryStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    void insert(String id, String endpointId, String realmId, String webhookId, String type, String body, long now,
                long expiresAt) {
        db.update("INSERT INTO txauth_webhook_delivery (id, endpoint_id, realm_id, webhook_id, event_type,"
                + " body, status, attempts, created_at, next_attempt_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7, ?8)", id, endpointId, realmId, webhookId,
                type, body, now, expiresAt);
    }

    /** Claims up to {@code limit} due rows of enabled, unpaused endpoints; each is now reserved until {@code leaseUntil}. */
    @SuppressWarnings("unchecked")
    List<Delivery> claim(long now, long leaseUntil, int limit) {
        List<Object[]> rows = db.rows("WITH due AS (SELECT d.id FROM txauth_webhook_delivery d"
                + " JOIN txauth_webhook_endpoint e ON e.id = d.endpoint_id"
                + " WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND e.enabled"
                + " AND (e.paused_until IS NULL OR e.paused_until <= ?1)"
                + " ORDER BY d.next_attempt_at LIMIT ?3 FOR UPDATE OF d SKIP LOCKED)"
                + " UPDATE txauth_webhook_delivery d SET next_attempt_at = ?2, attempts = d.attempts + 1,"
                + " last_attempt_at = ?1 FROM due, txauth_webhook_endpoint e"
                + " WHERE d.id = due.id AND e.id = d.endpoint_id"
                + " RETURNING d.id, d.endpoint_id, d.realm_id, d.webhook_id, d.body, d.attempts, d.expires_at,"
                + " e.url, e.secret_sealed", now, leaseUntil, limit);
        List<Delivery> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Delivery((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), (String) r[7], (String) r[8]));
        }
        return out;
    }

    void delivered(String id, int httpStatus, long now) {
        db.update("UPDATE txauth_webhook_delivery SET status = 'delivered', delivered_at = ?2,"
                + " last_status = ?3, last_error = NULL WHERE id = ?1 AND status = 'pending'", id, now, httpStatus);
    }

    /** @param nextAttemptAt -1: give up, the row becomes failed */
    void attemptFailed(String id, Integer httpStatus, String error, long nextAttemptAt) {
        db.update("UPDATE txauth_webhook_delivery SET status = CASE WHEN ?2 < 0 THEN 'failed'"
                + " ELSE 'pending' END, next_attempt_at = CASE WHEN ?2 < 0 THEN next_attempt_at ELSE ?2 END,"
                + " last_status = ?3, last_error = ?4 WHERE id = ?1 AND status = 'pending'", id, nextAttemptAt,
                httpStatus == null ? -1 : httpStatus, error);
    }

    /** Success resets the endpoint's failure count and lifts its pause. */
    void endpointSucceeded(String endpointId) {
        db.update("UPDATE txauth_webhook_endpoint SET consecutive_failures = 0, paused_until = NULL"
                + " WHERE id = ?1 AND (consecutive_failures > 0 OR paused_until IS NOT NULL)", endpointId);
    }

    /** One more consecutive failure; at {@code pauseAfter} or more the endpoint is paused until {@code pausedUntil}. */
    void endpointFailed(String endpointId, int pauseAfter, long pausedUntil) {
        db.update("UPDATE txauth_webhook_endpoint SET consecutive_failures = consecutive_failures + 1,"
                + " paused_until = CASE WHEN consecutive_failures + 1 >= ?2 THEN ?3 ELSE paused_until END"
                + " WHERE id = ?1", endpointId, pauseAfter, pausedUntil);
    }

    /** Manual retry: due now, with a fresh age window; only a failed or pending row of this realm. */
    boolean retry(String realmId, String id, long now, long expiresAt) {
        return db.update("UPDATE txauth_webhook_delivery SET status = 'pending', next_attempt_at = ?3,"
                + " expires_at = ?4 WHERE id = ?1 AND realm_id = ?2 AND status IN ('pending', 'failed')", id, realmId,
                now, expiresAt) == 1;
    }

    boolean exists(String realmId, String id) {
        return !db.rows("SELECT 1 FROM txauth_webhook_delivery WHERE id = ?1 AND realm_id = ?2", id, realmId).isEmpty();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String endpointId, String status, int max) {
        List<Object[]> rows = db.rows("SELECT id, webhook_id, event_type, status, attempts, created_at,"
                + " next_attempt_at, last_attempt_at, last_status, last_error, delivered_at"
                + " FROM txauth_webhook_delivery WHERE endpoint_id = ?1 AND (status = ?2 OR ?3)"
                + " ORDER BY created_at DESC, id LIMIT ?4", endpointId, status == null ? "" : status, status == null,
                max);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r[0]);
            m.put("webhook_id", r[1]);
            m.put("type", r[2]);
            m.put("status", r[3]);
            m.put("attempts", r[4]);
            m.put("created_at", r[5]);
            m.put("next_attempt_at", PENDING.equals(r[3]) ? r[6] : null);
            m.put("last_attempt_at", r[7]);
            m.put("last_status", r[8] != null && ((Number) r[8]).intValue() >= 0 ? r[8] : null);
            m.put("last_error", r[9]);
            m.put("delivered_at", r[10]);
            out.add(m);
        }
        return out;
    }

    /** Age in ms of the oldest pending row on any node (0 when none): the queue-age metric. */
    long oldestPendingAge(long now) {
        Object min = db.value("SELECT MIN(created_at) FROM txauth_webhook_delivery WHERE status = 'pending'");
        return min == null ? 0 : Math.max(0, now - ((Number) min).longValue());
    }
}
