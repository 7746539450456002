package dev.txauth.risk;

import dev.txauth.model.storage.TxauthSql;
import org.keycloak.models.KeycloakSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code txauth_login_counter} through Keycloak's own transaction: the cluster-wide counts behind the risk signals
 * (docs/api.md §6) and the login throttle (§10), one row per (realm, kind, subject, UTC minute). Every node writes and
 * reads the same rows, so failures spread over the nodes add up.
 * <ul>
 *   <li>A write is ONE statement, {@code INSERT ... ON CONFLICT DO UPDATE SET n = n + 1} over all the event's rows:
 *       atomic under concurrent writers on any node (no lost increments), and the rows are always listed in the same
 *       order ({@link LoginCounting}) so two writers never wait on each other in opposite orders.</li>
 *   <li>A read is ONE statement over the primary key {@code (realm_id, kind, subject, bucket)}: a few index range
 *       scans returning at most one row per minute of the window per subject.</li>
 * </ul>
 * A read is remembered for the rest of the request ({@link CounterReadMemo}): the throttle and the risk step of one
 * password POST share one statement. Every write through this store forgets it.
 * <p>
 * Why PostgreSQL and not {@code SingleUseObjectProvider}: that store has no atomic increment, so two nodes counting
 * the same IP would read 4 and both write 5; and it cannot sum a window. docs/cluster.md "Where each piece of state lives" has the comparison.
 */
public final class LoginCounterStore {

    static final String TABLE = "txauth_login_counter";
    private static final String MEMO = "txauth.login-counter.read";

    private final KeycloakSession session;
    private final TxauthSql db;

    public LoginCounterStore(KeycloakSession session) {
        this.session = session;
        this.db = TxauthSql.of(session);
    }

    /** Adds one to each counter in the minute {@code minute}. */
    public void add(String realmId, List<CounterKey> keys, long minute) {
        if (keys.isEmpty()) {
            return;
        }
        session.removeAttribute(MEMO);
        StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE + " (realm_id, kind, subject, bucket, n) VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(3 + 2 * i).append(", ?").append(4 + 2 * i)
                    .append(", ?2, 1)");
        }
        sql.append(" ON CONFLICT (realm_id, kind, subject, bucket) DO UPDATE SET n = ").append(TABLE).append(".n + 1");
        db.update(sql.toString(), withKeys(keys, realmId, minute));
    }

    /**
     * The per-minute counts of {@code keys} from minute {@code firstMinute} on; a key with none is absent. Answered
     * from this request's earlier read when that read covers it, else read and remembered.
     */
    public Map<CounterKey, Map<Long, Integer>> read(String realmId, List<CounterKey> keys, long firstMinute) {
        CounterReadMemo memo = session.getAttribute(MEMO, CounterReadMemo.class);
        if (memo != null && memo.covers(realmId, keys, firstMinute)) {
            return memo.answer(keys, firstMinute);
        }
        Map<CounterKey, Map<Long, Integer>> counts = query(realmId, keys, firstMinute);
        session.setAttribute(MEMO, new CounterReadMemo(realmId, keys, firstMinute, counts));
        return counts;
    }

    private Map<CounterKey, Map<Long, Integer>> query(String realmId, List<CounterKey> keys, long firstMinute) {
        StringBuilder sql = new StringBuilder("SELECT kind, subject, bucket, n FROM " + TABLE
                + " WHERE realm_id = ?1 AND bucket >= ?2 AND (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(kind = ?").append(3 + 2 * i).append(" AND subject = ?")
                    .append(4 + 2 * i).append(')');
        }
        sql.append(')');
        Map<CounterKey, Map<Long, Integer>> counts = new HashMap<>();
        for (Object[] row : db.rows(sql.toString(), withKeys(keys, realmId, firstMinute))) {
            CounterKey key = new CounterKey(CounterKind.ofColumn((String) row[0]), (String) row[1]);
            counts.computeIfAbsent(key, k -> new HashMap<>()).put(((Number) row[2]).longValue(),
                    ((Number) row[3]).intValue());
        }
        return counts;
    }

    /** The risk engine's three counts for a login of {@code userId} from {@code ip}: one {@link #read}. */
    public RiskCounts riskCounts(String realmId, String ip, String userId, long nowMillis, int failureWindowMinutes,
                                 int velocityWindowMinutes) {
        long first = MinuteBuckets.firstInWindow(nowMillis, Math.max(failureWindowMinutes, velocityWindowMinutes));
        return RiskCounts.of(read(realmId, RiskCounts.keys(ip, userId), first), ip, userId, nowMillis,
                failureWindowMinutes, velocityWindowMinutes);
    }

    /** Deletes every bucket past its kind's retention; returns how many. */
    public int purge(long nowMinute) {
        session.removeAttribute(MEMO);
        int deleted = 0;
        for (CounterKind kind : CounterKind.values()) {
            deleted += db.update("DELETE FROM " + TABLE + " WHERE kind = ?1 AND bucket < ?2", kind.column(),
                    nowMinute - kind.retentionMinutes());
        }
        return deleted;
    }

    /** Deletes a removed user's counters (their failures per IP stay: those count the address, not the user). */
    public void forgetUser(String realmId, String userId) {
        session.removeAttribute(MEMO);
        db.update("DELETE FROM " + TABLE + " WHERE realm_id = ?1 AND kind IN (?2, ?3) AND subject = ?4", realmId,
                CounterKind.USER_FAILURES.column(), CounterKind.USER_LOGINS.column(), userId);
    }

    /** ?1 realm, ?2 minute, then each key's kind and subject from ?3 on. */
    private static Object[] withKeys(List<CounterKey> keys, String realmId, long minute) {
        Object[] params = new Object[2 + 2 * keys.size()];
        params[0] = realmId;
        params[1] = minute;
        for (int i = 0; i < keys.size(); i++) {
            params[2 + 2 * i] = keys.get(i).kind().column();
            params[3 + 2 * i] = keys.get(i).subject();
        }
        return params;
    }
}
