package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.Totp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.audit.AuditKey;
import dev.txauth.audit.AuditRecord;
import dev.txauth.audit.HashChain;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail can be trusted: rolled-back work leaves no row, tampering is named, hostile input is stored as data,
 * and no secret reaches the table or the log.
 */
@TxauthKeycloakTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIntegrityIT {

    static final String ACCOUNT_NUMBER = "0123456789";
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.");
    static final List<String> SECRETS_SEEN = new ArrayList<>();

    private final TxauthServer server;
    private final AuditTable audit;

    AuditIntegrityIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    @Test
    @Order(1)
    void loginWhoseTransactionRollsBackWritesNoSuccessRow() throws Exception {
        TestUser doomed = TestUsers.withOtp(server, "audit-rollback");
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + doomed.id(),
                Map.of("requiredActions", List.of("UPDATE_PROFILE"))).status());
        // The profile update and the LOGIN event happen in the same request; a deferred constraint trigger makes
        // that request's database transaction fail at COMMIT, after every event was emitted: a real rollback of
        // real Keycloak work, only for this user.
        try (Connection c = server.openDatabase(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION txauth_test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'txauth test: forced rollback'; END $$");
            st.execute("CREATE CONSTRAINT TRIGGER txauth_test_rollback AFTER UPDATE ON user_entity "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.id = '" + doomed.id() + "') "
                    + "EXECUTE FUNCTION txauth_test_fail_commit()");
        }
        Page result;
        try {
            AuthorizationClient app = server.newBrowser();
            Page profile = app.passSecondFactor(app.submitPassword(app.authorize(app.authorizationParameters(
                    Pkce.s256(), Map.of())), doomed.username(), doomed.password()), doomed);
            result = app.submit(profile, "form#kc-update-profile-form", Map.of("lastName", "Rolled-Back"));
        } finally {
            try (Connection c = server.openDatabase(); Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER IF EXISTS txauth_test_rollback ON user_entity");
                st.execute("DROP FUNCTION IF EXISTS txauth_test_fail_commit()");
            }
        }
        assertFalse(result.isAppRedirect() && result.appRedirectParameters().containsKey("code"),
                "the login must have failed with its transaction");
        assertEquals("User", server.admin().get("/admin/realms/payments/users/" + doomed.id()).json()
                .get("lastName").asText(), "the profile change must have been rolled back");
        assertTrue(Files.readString(server.logFile()).contains("txauth-audit buffered USER LOGIN user=" + doomed.id()),
                "the LOGIN event must have reached the listener before the rollback");

        // FIFO writer: once a later login is stored, the rolled-back one would be stored too if it were ever queued.
        TestUser marker = TestUsers.withOtp(server, "audit-marker");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        app.tokens().exchangeCode(app.login(marker, pkce, Map.of()).code(), pkce);
        audit.awaitRow(marker.id(), "CODE_TO_TOKEN");
        assertTrue(audit.rowsOfUser(doomed.id()).stream().noneMatch(r -> "LOGIN".equals(r.get("type"))
                        || "UPDATE_PROFILE".equals(r.get("type"))),
                "rolled-back login was written: " + audit.rowsOfUser(doomed.id()));
    }

    @Test
    @Order(2)
    void verifyNamesTheEditedTheDeletedAndTheSwappedRow() {
        TestUser user = TestUsers.withOtp(server, "audit-tamper");
        for (int i = 0; i < 2; i++) {
            AuthorizationClient app = server.newBrowser();
            Pkce pkce = Pkce.s256();
            app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        }
        List<Map<String, Object>> rows = audit.awaitRows(user.id(), r -> r.stream()
                .filter(x -> "CODE_TO_TOKEN".equals(x.get("type"))).count() == 2, "two logins");
        assertTrue(audit.verify().get("valid").asBoolean(), "chain must be valid before tampering");
        Map<String, Object> a = rows.get(1);
        Map<String, Object> b = rows.get(3);
        String table = "txauth_audit_event";

        audit.update("UPDATE " + table + " SET ip_address = '6.6.6.6' WHERE event_id = ?::uuid", a.get("event_id"));
        try {
            assertInvalidAt(a.get("event_id"));
        } finally {
            audit.update("UPDATE " + table + " SET ip_address = ? WHERE event_id = ?::uuid", a.get("ip_address"),
                    a.get("event_id"));
        }
        assertTrue(audit.verify().get("valid").asBoolean(), "restored");

        Map<String, Object> successor = audit.query("SELECT event_id FROM " + table + " WHERE chain_id = ? AND "
                + "realm_id = ? AND chain_seq = ?", a.get("chain_id"), a.get("realm_id"),
                Long.parseLong(a.get("chain_seq").toString()) + 1).get(0);
        audit.update("CREATE TABLE IF NOT EXISTS txauth_test_saved AS SELECT * FROM " + table + " WITH NO DATA");
        audit.update("INSERT INTO txauth_test_saved SELECT * FROM " + table + " WHERE event_id = ?::uuid",
                a.get("event_id"));
        audit.update("DELETE FROM " + table + " WHERE event_id = ?::uuid", a.get("event_id"));
        try {
            assertInvalidAt(successor.get("event_id"));
        } finally {
            audit.update("INSERT INTO " + table + " SELECT * FROM txauth_test_saved WHERE event_id = ?::uuid",
                    a.get("event_id"));
            audit.update("DROP TABLE txauth_test_saved");
        }
        assertTrue(audit.verify().get("valid").asBoolean(), "restored");

        long seqA = Long.parseLong(a.get("chain_seq").toString());
        long seqB = Long.parseLong(b.get("chain_seq").toString());
        swap(a.get("event_id"), seqA, b.get("event_id"), seqB);
        try {
            assertInvalidAt(b.get("event_id"));
        } finally {
            swap(a.get("event_id"), seqB, b.get("event_id"), seqA);
        }
        JsonNode ok = audit.verify();
        assertTrue(ok.get("valid").asBoolean(), ok.toString());
        assertTrue(ok.get("checked").asLong() >= rows.size());
    }

    @Test
    @Order(3)
    void hostileUserNamesAndClientIdsAreStoredExactly() throws Exception {
        String hostile = "o'brien\"; DROP TABLE txauth_audit_event; --\nINFO  [fake] LOGIN ok user=admin\r\n"
                + "x".repeat(10 * 1024) + " end";
        AuthorizationClient app = server.newBrowser();
        Page failed = app.submitPassword(app.authorize(app.authorizationParameters(Pkce.s256(), Map.of())),
                hostile, "irrelevant-password-7");
        assertFalse(failed.isAppRedirect());
        // Keycloak itself cuts a client id at 255 characters before any listener sees it.
        String hostileClient = "evil'client\"--;\nINFO [fake] granted " + "c".repeat(200);
        app.authorize(app.authorizationParameters(Pkce.s256(), Map.of("client_id", hostileClient)));
        String accountUser = "acct " + ACCOUNT_NUMBER + " holder";
        app.submitPassword(app.authorize(app.authorizationParameters(Pkce.s256(), Map.of())), accountUser, "pw-123456");

        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        List<Map<String, Object>> byName = List.of();
        List<Map<String, Object>> byClient = List.of();
        List<Map<String, Object>> masked = List.of();
        while (System.currentTimeMillis() < deadline && (byName.isEmpty() || byClient.isEmpty() || masked.isEmpty())) {
            AuditTable.sleep(250);
            byName = audit.query("SELECT *, details::text AS details_json FROM txauth_audit_event "
                    + "WHERE details->>'username' = ?", hostile);
            byClient = audit.query("SELECT * FROM txauth_audit_event WHERE client_id = ?", hostileClient);
            masked = audit.query("SELECT details->>'username' AS u FROM txauth_audit_event "
                    + "WHERE details->>'username' LIKE 'acct %holder'");
        }
        assertEquals(1, byName.size(), "the 10 KiB user name, byte for byte");
        assertEquals("LOGIN_ERROR", byName.get(0).get("type"));
        assertEquals("FAILURE", byName.get(0).get("outcome"));
        assertEquals(1, byClient.size(), "the hostile client id, byte for byte");
        assertEquals(1, masked.size());
        assertEquals("acct ******6789 holder", masked.get(0).get("u"), "account numbers keep their last 4 digits");
        assertTrue(audit.verify().get("valid").asBoolean());
        assertFalse(logContains("\nINFO  [fake] LOGIN ok"), "a user name forged a log line");
        assertFalse(logContains("\nINFO [fake] granted"), "a client id forged a log line");
    }

    @Test
    @Order(4)
    void mfaLoginStoresNoOtpNorTokens() {
        TestUser user = TestUsers.withOtp(server, "audit-otp");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page afterPassword = app.submitPassword(app.authorize(app.authorizationParameters(pkce,
                Map.of("acr_values", "mfa"))), user.username(), user.password());
        String code = Totp.freshCode(user.otpSecret(), 3);
        Page done = app.submitOtp(afterPassword, code);
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status());
        synchronized (SECRETS_SEEN) {
            SECRETS_SEEN.add(tokens.accessToken());
            SECRETS_SEEN.add(tokens.refreshToken());
            SECRETS_SEEN.add(tokens.body().get("id_token").asText());
            SECRETS_SEEN.add(done.code());
        }
        List<Map<String, Object>> rows = audit.awaitRows(user.id(), r -> r.stream()
                .anyMatch(x -> "CODE_TO_TOKEN".equals(x.get("type"))), "mfa login");
        for (Map<String, Object> row : rows) {
            JsonNode details = AuditTable.details(row);
            details.fields().forEachRemaining(f -> assertFalse(f.getValue().asText().equals(code),
                    "OTP stored in " + f.getKey()));
        }
    }

    @Test
    @Order(5)
    void deletingTheNewestRowsIsReportedAfterARestartAndANewEvent() throws Exception {
        AuditRealm realm = AuditRealm.checkpointed(server, audit, "audit-cut", 6);
        // What a database admin can do: cut off the head, so the writer continues from the new (shorter) head.
        assertEquals(3, audit.update("DELETE FROM txauth_audit_event WHERE event_id IN (SELECT event_id FROM "
                + "txauth_audit_event WHERE realm_id = ? ORDER BY chain_seq DESC LIMIT 3)", realm.id()));
        server.restart();
        realm.addUsers(1);
        realm.awaitRows(4);
        JsonNode v = realm.verify();
        assertFalse(v.get("valid").asBoolean(), v.toString());
        assertTrue(List.of("truncated", "checkpoint_mismatch").contains(v.path("reason").asText()), v.toString());
        assertTrue(v.has("first_invalid_event_id"), v.toString());
        assertTrue(logContains("rows were deleted outside txauth"), "the writer reports the cut when it restarts");
    }

    @Test
    @Order(6)
    void aChainRecomputedWithoutTheAuditKeyIsInvalid() {
        AuditRealm realm = AuditRealm.checkpointed(server, audit, "audit-rewrite", 4);
        List<Map<String, Object>> rows = realm.rows();
        Object edited = rows.get(1).get("event_id");

        // Edit row 2 and recompute every hash after it with plain SHA-256, as the unkeyed chain allowed.
        rewriteFrom(rows, 1, (prev, r, row) -> HashChain.hash(prev, r, (String) row.get("chain_id"), seq(row)));
        JsonNode sha = realm.verify();
        assertFalse(sha.get("valid").asBoolean(), sha.toString());
        assertEquals(edited.toString(), sha.get("first_invalid_event_id").asText(), sha.toString());
        assertEquals("hash_mismatch", sha.get("reason").asText(), sha.toString());

        // The same with HMAC-SHA256 under a key that is not the server's.
        AuditKey wrong = AuditKey.of(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        rewriteFrom(rows, 1, (prev, r, row) -> HashChain.hash(wrong, prev, r, (String) row.get("chain_id"), seq(row)));
        JsonNode hmac = realm.verify();
        assertFalse(hmac.get("valid").asBoolean(), hmac.toString());
        assertEquals("hash_mismatch", hmac.get("reason").asText(), hmac.toString());

        // The whole chain relabelled as the old unkeyed scheme: only the checkpoint outside the database tells.
        audit.update("UPDATE txauth_audit_event SET hash_version = 1, key_id = NULL WHERE realm_id = ?", realm.id());
        rewriteFrom(rows, 0, (prev, r, row) -> HashChain.hash(prev, r, (String) row.get("chain_id"), seq(row)));
        JsonNode legacy = realm.verify();
        assertFalse(legacy.get("valid").asBoolean(), legacy.toString());
        assertEquals("checkpoint_mismatch", legacy.get("reason").asText(), legacy.toString());
    }

    private interface Rehash {
        String hash(String prev, AuditRecord record, Map<String, Object> row);
    }

    /** Sets ip_address of row {@code from} to a forged value and rewrites prev_hash/hash from there on. */
    private void rewriteFrom(List<Map<String, Object>> rows, int from, Rehash rehash) {
        String prev = from == 0 ? HashChain.GENESIS : (String) rows.get(from - 1).get("hash");
        for (int i = from; i < rows.size(); i++) {
            Map<String, Object> row = new java.util.HashMap<>(rows.get(i));
            if (i == 1) {
                row.put("ip_address", "6.6.6.6");
            }
            String hash = rehash.hash(prev, AuditRealm.record(row), row);
            audit.update("UPDATE txauth_audit_event SET ip_address = ?, prev_hash = ?, hash = ? WHERE event_id = "
                    + "?::uuid", row.get("ip_address"), prev, hash, row.get("event_id"));
            prev = hash;
        }
    }

    private static long seq(Map<String, Object> row) {
        return Long.parseLong(row.get("chain_seq").toString());
    }

    private void swap(Object idA, long seqA, Object idB, long seqB) {
        // through a free sequence number: (realm, chain, seq) is unique
        audit.update("UPDATE txauth_audit_event SET chain_seq = -chain_seq WHERE event_id = ?::uuid", idA);
        audit.update("UPDATE txauth_audit_event SET chain_seq = ? WHERE event_id = ?::uuid", seqA, idB);
        audit.update("UPDATE txauth_audit_event SET chain_seq = ? WHERE event_id = ?::uuid", seqB, idA);
    }

    private void assertInvalidAt(Object eventId) {
        JsonNode result = audit.verify();
        assertFalse(result.get("valid").asBoolean(), result.toString());
        assertEquals(eventId.toString(), result.get("first_invalid_event_id").asText(), result.toString());
    }

    private boolean logContains(String s) throws Exception {
        return Files.readString(server.logFile()).contains(s);
    }
}
