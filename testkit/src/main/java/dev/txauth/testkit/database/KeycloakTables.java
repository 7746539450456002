package dev.txauth.testkit.database;

import dev.txauth.testkit.server.TxauthServer;

import java.util.List;
import java.util.Map;

/**
 * txauth's own tables in Keycloak's database (device bindings, the payment-controls ledger, transactions): what a
 * test asserts about stored state, or moves in time ("as if the cooling period had passed").
 */
public final class KeycloakTables {

    private final TxauthServer server;

    public KeycloakTables(TxauthServer server) {
        this.server = server;
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        return SqlRows.query(server::openDatabase, sql, args);
    }

    public int update(String sql, Object... args) {
        return SqlRows.update(server::openDatabase, sql, args);
    }

    /** The minor units of the user's ledger entries whose transactions were approved (consumed ones included). */
    public long approvedLedgerMinor(String userId) {
        return Long.parseLong(String.valueOf(query("SELECT coalesce(sum(e.amount_minor), 0) AS s"
                + " FROM txauth_ledger_entry e JOIN txauth_transaction t ON t.id = e.transaction_id"
                + " WHERE e.user_id = ? AND t.status IN ('APPROVED', 'CONSUMED')", userId).get(0).get("s")));
    }
}
