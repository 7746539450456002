package dev.txauth.transactions.code;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/**
 * {@code txauth_code} through Keycloak's own JPA transaction (docs/api.md §9). Single use is one conditional UPDATE
 * ({@code ... AND used_at IS NULL}), so of two requests on any node exactly one takes a code. The send counts behind
 * the abuse caps are read under a PostgreSQL transaction-scoped advisory lock on the user and on the destination, so
 * two nodes cannot both count "4 of 5" and both send: the second waits until the first has committed its row.
 */
public final class CodeStore {

    private final TxauthSql db;

    public CodeStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    /** Serialises sends to this user and to this destination until the current database transaction ends. */
    public void lockSends(String userId, String destinationHash) {
        // Always user first, then destination: one order everywhere, so two senders never wait on each other.
        for (String key : List.of("txauth-code-user:" + userId, "txauth-code-destination:" + destinationHash)) {
            db.value("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l", key);
        }
    }

    /** When codes were sent for this transaction (any channel), oldest first. */
    public List<Long> sentForTransaction(String realmId, String transactionId) {
        return times("SELECT sent_at FROM txauth_code WHERE realm_id = ?1 AND transaction_id = ?2 ORDER BY sent_at",
                realmId, transactionId);
    }

    /** When codes of this channel were sent to this user since {@code since}, oldest first. */
    public List<Long> sentToUser(String realmId, String userId, String channel, long since) {
        return times("SELECT sent_at FROM txauth_code WHERE realm_id = ?1 AND user_id = ?2 AND channel = ?3"
                + " AND sent_at > ?4 ORDER BY sent_at", realmId, userId, channel, since);
    }

    /** When codes were sent to this destination (hash) since {@code since}, oldest first. */
    public List<Long> sentToDestination(String realmId, String destinationHash, long since) {
        return times("SELECT sent_at FROM txauth_code WHERE realm_id = ?1 AND destination_hash = ?2"
                + " AND sent_at > ?3 ORDER BY sent_at", realmId, destinationHash, since);
    }

    /** A code just sent; every earlier unused code of the transaction stops working (only the newest is valid). */
    public void insert(CodeRow row) {
        db.update("UPDATE txauth_code SET used_at = ?3 WHERE realm_id = ?1 AND transaction_id = ?2"
                + " AND used_at IS NULL", row.realmId(), row.transactionId(), row.sentAt());
        db.update("INSERT INTO txauth_code (id, realm_id, transaction_id, user_id, channel,"
                + " destination_hash, code_hash, sent_at, expires_at, used_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)", row.id(), row.realmId(), row.transactionId(),
                row.userId(), row.channel(), row.destinationHash(), row.codeHash(), row.sentAt(), row.expiresAt());
    }

    /** Takes the transaction's current code of this channel if the hash matches and it is unused and unexpired. */
    public boolean use(String realmId, String transactionId, String channel, String codeHash, long now) {
        return db.update("UPDATE txauth_code SET used_at = ?5 WHERE realm_id = ?1 AND transaction_id = ?2"
                + " AND channel = ?3 AND code_hash = ?4 AND used_at IS NULL AND expires_at > ?5", realmId,
                transactionId, channel, codeHash, now) == 1;
    }

    private List<Long> times(String sql, Object... parameters) {
        return db.rows(sql, parameters).stream().map(row -> ((Number) row[0]).longValue()).toList();
    }

    /** One sent code as stored: hashes only. */
    public record CodeRow(String id, String realmId, String transactionId, String userId, String channel,
                          String destinationHash, String codeHash, long sentAt, long expiresAt) {
    }
}
