package dev.txauth.transactions.code;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/**
 * {@code txauth_code} through Keycloak's own JPA transaction (docs/api.md §9). Single use is one conditional UPDATE
 * ({@code ... AND used_at IS NULL}), so of two requests on any node exactly one takes a code. The send counts behind
 * the abuse caps are read under a PostgreSQL transaction-scoped advisory lock on the user and on the destination, so
 * two nodes cannot both count "4 of 5" and both send: the second waits until the first has committed its row.
 */
public final class CodeStore {

    private final EntityManager em;

    public CodeStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Serialises sends to this user and to this destination until the current database transaction ends. */
    public void lockSends(String userId, String destinationHash) {
        // Always user first, then destination: one order everywhere, so two senders never wait on each other.
        for (String key : List.of("txauth-code-user:" + userId, "txauth-code-destination:" + destinationHash)) {
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
                    .setParameter(1, key).getSingleResult();
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
        em.createNativeQuery("UPDATE txauth_code SET used_at = ?3 WHERE realm_id = ?1 AND transaction_id = ?2"
                        + " AND used_at IS NULL")
                .setParameter(1, row.realmId()).setParameter(2, row.transactionId()).setParameter(3, row.sentAt())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO txauth_code (id, realm_id, transaction_id, user_id, channel,"
                        + " destination_hash, code_hash, sent_at, expires_at, used_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)")
                .setParameter(1, row.id()).setParameter(2, row.realmId()).setParameter(3, row.transactionId())
                .setParameter(4, row.userId()).setParameter(5, row.channel()).setParameter(6, row.destinationHash())
                .setParameter(7, row.codeHash()).setParameter(8, row.sentAt()).setParameter(9, row.expiresAt())
                .executeUpdate();
    }

    /** Takes the transaction's current code of this channel if the hash matches and it is unused and unexpired. */
    public boolean use(String realmId, String transactionId, String channel, String codeHash, long now) {
        return em.createNativeQuery("UPDATE txauth_code SET used_at = ?5 WHERE realm_id = ?1 AND transaction_id = ?2"
                        + " AND channel = ?3 AND code_hash = ?4 AND used_at IS NULL AND expires_at > ?5")
                .setParameter(1, realmId).setParameter(2, transactionId).setParameter(3, channel)
                .setParameter(4, codeHash).setParameter(5, now).executeUpdate() == 1;
    }

    private List<Long> times(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Number> rows = query.getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    /** One sent code as stored: hashes only. */
    public record CodeRow(String id, String realmId, String transactionId, String userId, String channel,
                          String destinationHash, String codeHash, long sentAt, long expiresAt) {
    }
}
