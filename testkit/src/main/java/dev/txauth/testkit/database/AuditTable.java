package dev.txauth.testkit.database;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.TxauthServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads {@code txauth_audit_event} in the test server's audit PostgreSQL, waiting for the asynchronous writer. */
public final class AuditTable {

    public static final long WAIT_MILLIS = 30_000;

    private final TxauthServer server;

    public AuditTable(TxauthServer server) {
        this.server = server;
    }

    /** Rows about a user (actor or target), oldest first. */
    public List<Map<String, Object>> rowsOfUser(String userId) {
        return query("SELECT *, details::text AS details_json FROM txauth_audit_event "
                + "WHERE user_id = ? OR target_user_id = ? ORDER BY chain_seq", userId, userId);
    }

    /** Waits until a row of this user with this type exists, and returns it. */
    public Map<String, Object> awaitRow(String userId, String type) {
        return awaitRows(userId, rows -> rows.stream().anyMatch(r -> type.equals(r.get("type"))),
                "a " + type + " row for user " + userId)
                .stream().filter(r -> type.equals(r.get("type"))).findFirst().orElseThrow();
    }

    public List<Map<String, Object>> awaitRows(String userId, Predicate<List<Map<String, Object>>> done, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<Map<String, Object>> rows = List.of();
        while (System.currentTimeMillis() < deadline) {
            try {
                rows = rowsOfUser(userId);
                if (done.test(rows)) {
                    return rows;
                }
            } catch (IllegalStateException notYet) {
                // table not created yet or database restarting
            }
            sleep(250);
        }
        throw new AssertionError("Timed out waiting for " + what + "; rows: " + rows);
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        return SqlRows.query(() -> server.auditDatabase().open(), sql, args);
    }

    public int update(String sql, Object... args) {
        return SqlRows.update(() -> server.auditDatabase().open(), sql, args);
    }

    public static JsonNode details(Map<String, Object> row) {
        return Json.parse((String) row.get("details_json"));
    }

    /** GET /admin/realms/payments/txauth-audit/verify as the bootstrap admin. */
    public JsonNode verify() {
        var response = server.admin().get("/admin/realms/" + TxauthServer.REALM + "/txauth-audit/verify");
        if (response.status() != 200) {
            throw new AssertionError("verify answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
