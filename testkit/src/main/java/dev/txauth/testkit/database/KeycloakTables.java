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
}
