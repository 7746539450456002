package dev.txauth.transactions;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.util.List;
import java.util.Optional;

/**
 * {@code txauth_transaction} through Keycloak's own JPA transaction. Every state change is ONE conditional UPDATE whose
 * WHERE clause names the state it leaves ({@code ... AND status = 'PENDING'}): the database's row lock decides which of
 * two concurrent requests on any node wins, and the loser sees zero rows updated. No read-modify-write in Java.
 */
public final class TransactionStore {

    private static final String COLUMNS = "id, realm_id, user_id, client_id, initiator_client_id, status, detail, nonce,"
            + " failed_attempts, created_at, expires_at, approved_at, approval_expires_at, method, user_session_id";

    private final TxauthSql db;

    public TransactionStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    public void insert(TransactionRecord r) {
        db.update("INSERT INTO txauth_transaction (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                + " ?9, ?10, ?11, NULL, NULL, NULL, NULL)", r.id(), r.realmId(), r.userId(), r.clientId(),
                r.initiatorClientId(), r.status().name(), r.detail(), r.nonce(), r.failedAttempts(), r.createdAt(),
                r.expiresAt());
    }

    public Optional<TransactionRecord> find(String realmId, String id) {
        List<Object[]> rows = db.rows("SELECT " + COLUMNS
                + " FROM txauth_transaction WHERE id = ?1 AND realm_id = ?2", id, realmId);
        return rows.stream().findFirst().map(TransactionStore::toRecord);
    }

    /** PENDING past its lifetime, or APPROVED past the approval lifetime, becomes EXPIRED. True if this call did it. */
    public boolean expireIfDue(String realmId, String id, long now) {
        return update("UPDATE txauth_transaction SET status = 'EXPIRED', ended_at = ?3, ended_reason = 'timeout'"
                + " WHERE id = ?1 AND realm_id = ?2 AND ((status = 'PENDING' AND expires_at <= ?3)"
                + " OR (status = 'APPROVED' AND approval_expires_at <= ?3))", id, realmId, now) == 1;
    }

    /** An approval whose user session was revoked can never be consumed. */
    public boolean voidApproval(String realmId, String id, long now) {
        return update("UPDATE txauth_transaction SET status = 'EXPIRED', ended_at = ?3,"
                + " ended_reason = 'session_revoked' WHERE id = ?1 AND realm_id = ?2 AND status = 'APPROVED'",
                id, realmId, now) == 1;
    }

    public boolean approve(String realmId, String id, String userId, String clientId, long now, long approvalExpiresAt,
                           String method, String userSessionId, String credentialId, String evidence) {
        return db.update("UPDATE txauth_transaction SET status = 'APPROVED', approved_at = ?5,"
                + " approval_expires_at = ?6, method = ?7, user_session_id = ?8, credential_id = ?9,"
                + " evidence = ?10 WHERE id = ?1 AND realm_id = ?2 AND user_id = ?3 AND client_id = ?4"
                + " AND status = 'PENDING' AND expires_at > ?5", id, realmId, userId, clientId, now, approvalExpiresAt,
                method, userSessionId, credentialId, evidence) == 1;
    }

    public boolean decline(String realmId, String id, long now) {
        return update("UPDATE txauth_transaction SET status = 'DECLINED', ended_at = ?3, ended_reason = 'declined'"
                + " WHERE id = ?1 AND realm_id = ?2 AND status = 'PENDING' AND expires_at > ?3", id, realmId, now) == 1;
    }

    /**
     * Counts one failed confirmation; at {@code maxFailures} consecutive failures the transaction becomes LOCKED.
     * The increment takes the row lock, so the count read back is this request's own.
     */
    public FailureOutcome recordFailure(String realmId, String id, int maxFailures, long now) {
        int counted = db.update("UPDATE txauth_transaction SET failed_attempts = failed_attempts + 1"
                + " WHERE id = ?1 AND realm_id = ?2 AND status = 'PENDING'", id, realmId);
        if (counted == 0) {
            return FailureOutcome.NOT_PENDING;
        }
        Number attempts = (Number) db.value("SELECT failed_attempts FROM txauth_transaction"
                + " WHERE id = ?1 AND realm_id = ?2", id, realmId);
        if (attempts.intValue() < maxFailures) {
            return FailureOutcome.RETRY;
        }
        return update("UPDATE txauth_transaction SET status = 'LOCKED', ended_at = ?3, ended_reason = 'failures'"
                + " WHERE id = ?1 AND realm_id = ?2 AND status = 'PENDING'", id, realmId, now) == 1
                ? FailureOutcome.LOCKED : FailureOutcome.NOT_PENDING;
    }

    /** APPROVED and within the approval lifetime becomes CONSUMED: exactly one caller ever gets true. */
    public boolean consume(String realmId, String id, long now) {
        return update("UPDATE txauth_transaction SET status = 'CONSUMED', ended_at = ?3, ended_reason = 'consumed'"
                + " WHERE id = ?1 AND realm_id = ?2 AND status = 'APPROVED' AND approval_expires_at > ?3",
                id, realmId, now) == 1;
    }

    /** The user session that finally holds the approval (known for certain only at the token endpoint). */
    public void bindUserSession(String realmId, String id, String userSessionId) {
        db.update("UPDATE txauth_transaction SET user_session_id = ?3 WHERE id = ?1 AND realm_id = ?2"
                + " AND status = 'APPROVED'", id, realmId, userSessionId);
    }

    /** What a failed confirmation led to. */
    public enum FailureOutcome { RETRY, LOCKED, NOT_PENDING }

    private int update(String sql, String id, String realmId, long now) {
        return db.update(sql, id, realmId, now);
    }

    private static TransactionRecord toRecord(Object[] row) {
        return new TransactionRecord((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], TransactionStatus.valueOf((String) row[5]), (String) row[6], (String) row[7],
                ((Number) row[8]).intValue(), ((Number) row[9]).longValue(), ((Number) row[10]).longValue(),
                row[11] == null ? null : ((Number) row[11]).longValue(),
                row[12] == null ? null : ((Number) row[12]).longValue(), (String) row[13], (String) row[14]);
    }
}
