package dev.txauth.testkit.database;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.server.TxauthServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        try (Connection c = server.auditDatabase().open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            if (!ps.execute()) {
                return out;
            }
            try (ResultSet rs = ps.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(md.getColumnLabel(i), v == null ? null : v instanceof String ? v : v.toString());
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = server.auditDatabase().open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
