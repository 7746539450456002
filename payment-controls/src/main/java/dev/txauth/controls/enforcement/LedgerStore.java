package dev.txauth.controls.enforcement;

import dev.txauth.model.storage.TxauthSql;
import dev.txauth.controls.limits.Amount;
import dev.txauth.controls.limits.UserControls;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/**
 * The per-user ledger (docs/api.md §8) through Keycloak's own transaction, so an approval, its ledger entry and the
 * lock that ordered it commit or roll back together. {@link #lock} takes the user's row lock in PostgreSQL: every
 * node's approvals of one user queue on it, and each then reads the totals the previous ones committed (READ
 * COMMITTED takes a fresh snapshot per statement).
 */
public final class LedgerStore {

    /** An entry counts while its transaction is approved and unexpired, or consumed (docs/api.md §8). */
    private static final String COUNTS = "join txauth_transaction t on t.id = e.transaction_id and t.realm_id = e.realm_id"
            + " where e.realm_id = ?1 and e.user_id = ?2 and e.currency = ?3 and e.approved_at >= ?4"
            + " and (t.status = 'CONSUMED' or (t.status = 'APPROVED' and t.approval_expires_at > ?5))";

    private final TxauthSql db;

    public LedgerStore(KeycloakSession session) {
        this.db = TxauthSql.of(session);
    }

    public UserControls controls(String realmId, String userId) {
        List<Object[]> rows = db.rows("select limit_currency, per_transaction_minor, daily_minor,"
                + " instant_payments_enabled from txauth_user_ledger where realm_id = ?1 and user_id = ?2", realmId,
                userId);
        if (rows.isEmpty()) {
            return UserControls.DEFAULTS;
        }
        Object[] row = rows.get(0);
        String currency = row[0] == null ? null : ((String) row[0]).trim();
        return new UserControls(amount(currency, row[1]), amount(currency, row[2]), (Boolean) row[3]);
    }

    /** Creates the user's row if missing and locks it until this transaction ends. */
    void lock(String realmId, String userId, long now) {
        ensureRow(realmId, userId, now);
        db.rows("select user_id from txauth_user_ledger where realm_id = ?1 and user_id = ?2 for update", realmId,
                userId);
    }

    /** Minor units that count for the user in {@code currency}, approved at or after {@code since} (epoch seconds). */
    long counted(String realmId, String userId, String currency, long since, long now) {
        Object sum = db.value("select coalesce(sum(e.amount_minor), 0) from txauth_ledger_entry e " + COUNTS, realmId,
                userId, currency, since, now);
        return ((Number) sum).longValue();
    }

    void record(String transactionId, String realmId, String userId, Amount amount, long now) {
        db.update("insert into txauth_ledger_entry (transaction_id, realm_id, user_id, currency,"
                + " amount_minor, approved_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing", transactionId,
                realmId, userId, amount.currency(), amount.minor(), now);
    }

    public void saveLimits(String realmId, String userId, Amount perTransaction, Amount daily, long now) {
        ensureRow(realmId, userId, now);
        String currency = perTransaction != null ? perTransaction.currency() : daily != null ? daily.currency() : null;
        db.update("update txauth_user_ledger set limit_currency = ?3, per_transaction_minor = ?4,"
                + " daily_minor = ?5, updated_at = ?6 where realm_id = ?1 and user_id = ?2", realmId, userId, currency,
                perTransaction == null ? null : perTransaction.minor(), daily == null ? null : daily.minor(), now);
    }

    public void saveInstantPayments(String realmId, String userId, boolean enabled, long now) {
        ensureRow(realmId, userId, now);
        db.update("update txauth_user_ledger set instant_payments_enabled = ?3, updated_at = ?4"
                + " where realm_id = ?1 and user_id = ?2", realmId, userId, enabled, now);
    }

    public void forgetAll(String realmId, String userId) {
        db.update("delete from txauth_ledger_entry where realm_id = ?1 and user_id = ?2", realmId, userId);
        db.update("delete from txauth_user_ledger where realm_id = ?1 and user_id = ?2", realmId, userId);
    }

    private void ensureRow(String realmId, String userId, long now) {
        db.update("insert into txauth_user_ledger (realm_id, user_id, instant_payments_enabled, updated_at)"
                + " values (?1, ?2, true, ?3) on conflict do nothing", realmId, userId, now);
    }

    private static Amount amount(String currency, Object minor) {
        return currency == null || minor == null ? null : new Amount(currency, ((Number) minor).longValue());
    }
}
