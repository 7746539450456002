package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.audit.AuditRecord;
import dev.txauth.audit.RecordCodec;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthServer;

import java.util.List;
import java.util.Map;

/**
 * A throw-away realm with the {@code txauth-audit} listener, for stories that break its audit chain on purpose: its
 * chain is its own, so the payments realm's chain stays valid for every other test. Events are admin user creations.
 */
final class AuditRealm {

    private final TxauthServer server;
    private final AuditTable audit;
    private final String name;
    private final String id;
    private int users;

    private AuditRealm(TxauthServer server, AuditTable audit, String name, String id) {
        this.server = server;
        this.audit = audit;
        this.name = name;
        this.id = id;
    }

    static AuditRealm create(TxauthServer server, AuditTable audit, String name) {
        var created = server.admin().post("/admin/realms", Map.of("realm", name, "enabled", true,
                "eventsListeners", List.of("jboss-logging", "txauth-audit"), "adminEventsEnabled", true));
        if (created.status() != 201) {
            throw new AssertionError("realm " + name + ": " + created.status() + " " + created.body());
        }
        return new AuditRealm(server, audit, name, server.admin().get("/admin/realms/" + name).json()
                .get("id").asText());
    }

    /** A new realm with {@code users} rows, a checkpoint covering them, and a valid chain: the state to break. */
    static AuditRealm checkpointed(TxauthServer server, AuditTable audit, String name, int users) {
        AuditRealm realm = create(server, audit, name);
        realm.addUsers(users);
        realm.awaitRows(users);
        JsonNode v = realm.awaitCheckpoint(users);
        if (!v.get("valid").asBoolean()) {
            throw new AssertionError("the untouched chain of " + name + " must be valid: " + v);
        }
        return realm;
    }

    String id() {
        return id;
    }

    /** Creates {@code n} users: one ADMIN_CREATE_USER row each. */
    void addUsers(int n) {
        for (int i = 0; i < n; i++) {
            var r = server.admin().post("/admin/realms/" + name + "/users", Map.of("username", "audit-user-" + (++users),
                    "enabled", true));
            if (r.status() != 201) {
                throw new AssertionError("user: " + r.status() + " " + r.body());
            }
        }
    }

    /** The realm's rows in chain order, with what a forger needs to recompute hashes. */
    List<Map<String, Object>> rows() {
        return audit.query("SELECT *, details::text AS details_json, "
                + "(extract(epoch FROM occurred_at) * 1000)::bigint AS occurred_ms FROM txauth_audit_event "
                + "WHERE realm_id = ? ORDER BY chain_id, chain_seq", id);
    }

    List<Map<String, Object>> awaitRows(int n) {
        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        List<Map<String, Object>> rows = rows();
        while (rows.size() < n && System.currentTimeMillis() < deadline) {
            AuditTable.sleep(250);
            rows = rows();
        }
        if (rows.size() < n) {
            throw new AssertionError(n + " rows expected in " + name + ", found " + rows.size());
        }
        return rows;
    }

    /** Waits until a signed checkpoint covers the chain head {@code seq}, as /verify reports it. */
    JsonNode awaitCheckpoint(long seq) {
        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        JsonNode v = verify();
        while (System.currentTimeMillis() < deadline && !covers(v, seq)) {
            AuditTable.sleep(250);
            v = verify();
        }
        if (!covers(v, seq)) {
            throw new AssertionError("no checkpoint at seq " + seq + ": " + v);
        }
        return v;
    }

    private static boolean covers(JsonNode v, long seq) {
        for (JsonNode cp : v.path("checkpoints")) {
            if (Long.parseLong(cp.asText().substring(0, cp.asText().indexOf(':'))) >= seq) {
                return true;
            }
        }
        return false;
    }

    JsonNode verify() {
        var response = server.admin().get("/admin/realms/" + name + "/txauth-audit/verify");
        if (response.status() != 200) {
            throw new AssertionError("verify answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** The record a row was hashed from. */
    static AuditRecord record(Map<String, Object> row) {
        return new AuditRecord((String) row.get("event_id"), Long.parseLong((String) row.get("occurred_ms")),
                (String) row.get("realm_id"), (String) row.get("kind"), (String) row.get("type"),
                (String) row.get("outcome"), (String) row.get("user_id"), (String) row.get("target_user_id"),
                (String) row.get("client_id"), (String) row.get("session_id"), (String) row.get("ip_address"),
                (String) row.get("error"), (String) row.get("resource_type"), (String) row.get("resource_path"),
                (String) row.get("transaction_id"), RecordCodec.detailsFromJson((String) row.get("details_json")));
    }
}
