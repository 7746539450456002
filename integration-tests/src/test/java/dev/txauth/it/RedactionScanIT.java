package dev.txauth.it;

import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after every other story (class order, see junit-platform.properties): the whole audit table and the whole
 * Keycloak log of the run must hold no token, code, test password or full account number.
 */
@TxauthKeycloakTest
@Order(Integer.MAX_VALUE)
class RedactionScanIT {

    private final TxauthServer server;
    private final AuditTable audit;

    RedactionScanIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    @Test
    void noSecretInTheAuditTableOrTheLogAfterTheFullSuite() throws Exception {
        String table = String.join("\n", audit.query("SELECT t::text AS row FROM txauth_audit_event t").stream()
                .map(r -> (String) r.get("row")).toList());
        String log = Files.readString(server.logFile());
        String keycloakTables = keycloakTables();
        for (String[] haystack : new String[][] {{"table", table}, {"log", log}, {"keycloak tables", keycloakTables}}) {
            assertFalse(AuditIntegrityIT.JWT.matcher(haystack[1]).find(), "a JWT in the " + haystack[0]);
            assertFalse(haystack[1].contains(TestUsers.PASSWORD), "a test user's password in the " + haystack[0]);
            assertFalse(haystack[1].contains(TestUsers.DEFAULT_PHONE), "a test user's phone number in the "
                    + haystack[0]);
            synchronized (AuditIntegrityIT.SECRETS_SEEN) {
                for (String secret : AuditIntegrityIT.SECRETS_SEEN) {
                    assertFalse(haystack[1].contains(secret), "a token or code in the " + haystack[0]);
                }
            }
        }
        assertFalse(table.contains(AuditIntegrityIT.ACCOUNT_NUMBER), "a full account number in the table");
        assertTrue(table.contains("******6789"), "AuditIntegrityIT's account number must be there, masked");
        assertTrue(table.lines().count() > 100, "the scan must cover the whole suite's events");
    }

    /**
     * Keycloak's own stored events (if the realm keeps any) and txauth's code table: an SMS or email code, or a full
     * phone number, must be in none of them (docs/api.md §9 — codes are stored as hashes only).
     */
    private String keycloakTables() throws Exception {
        StringBuilder all = new StringBuilder();
        try (java.sql.Connection db = server.openDatabase(); java.sql.Statement q = db.createStatement()) {
            for (String table : java.util.List.of("event_entity", "admin_event_entity", "txauth_code")) {
                try (java.sql.ResultSet rows = q.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        all.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
