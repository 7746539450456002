package dev.txauth.transactions;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/**
 * {@code txauth_confirmation_failure}: one row per user counting consecutive failed confirmations across all of the
 * user's transactions. Like {@link TransactionStore}, each change is one statement in Keycloak's JPA transaction, and
 * the row lock it takes makes the count read back this request's own, on any node of a cluster.
 */
final class ConfirmationFailureStore {

    private final TxauthSql db;

    ConfirmationFailureStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    /** Epoch second until which the user is blocked; 0 when there is no row or no block. */
    long blockedUntil(String realmId, String userId) {
        List<Object[]> rows = db.rows("SELECT blocked_until FROM txauth_confirmation_failure"
                + " WHERE realm_id = ?1 AND user_id = ?2", realmId, userId);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
    }

    /**
     * Counts one failure and returns the consecutive count. A block that has run out starts the count afresh, so
     * the first failure after a block is failure 1, not 6.
     */
    int countFailure(String realmId, String userId, long now) {
        db.update("INSERT INTO txauth_confirmation_failure AS f (realm_id, user_id, failures,"
                + " last_failure_at, blocked_until) VALUES (?1, ?2, 1, ?3, 0)"
                + " ON CONFLICT (realm_id, user_id) DO UPDATE SET"
                + " failures = CASE WHEN f.blocked_until <> 0 AND f.blocked_until <= ?3 THEN 1"
                + " ELSE f.failures + 1 END,"
                + " blocked_until = CASE WHEN f.blocked_until <= ?3 THEN 0 ELSE f.blocked_until END,"
                + " last_failure_at = ?3", realmId, userId, now);
        return ((Number) db.value("SELECT failures FROM txauth_confirmation_failure"
                + " WHERE realm_id = ?1 AND user_id = ?2", realmId, userId)).intValue();
    }

    /** Blocks the user until {@code until} unless already blocked; true if this call set the block. */
    boolean block(String realmId, String userId, long now, long until) {
        return db.update("UPDATE txauth_confirmation_failure SET blocked_until = ?4"
                + " WHERE realm_id = ?1 AND user_id = ?2 AND blocked_until <= ?3", realmId, userId, now, until) == 1;
    }

    /** A successful confirmation ends the run of failures. */
    void reset(String realmId, String userId) {
        db.update("DELETE FROM txauth_confirmation_failure WHERE realm_id = ?1 AND user_id = ?2", realmId, userId);
    }
}
