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
                    assertFalse(appears(secret, haystack[1]), "a token or code in the " + haystack[0]);
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

    /**
     * A long secret (token, phone number) must not appear anywhere. A short all-digit code (SMS, email, OTP) must not
     * appear as a value of its own: inside a hash, an id or a timestamp's fraction of a second six random digits turn
     * up by chance, so there it must stand apart from letters, digits and a decimal point.
     */
    private static boolean appears(String secret, String text) {
        if (!secret.matches("[0-9]{4,10}")) {
            return text.contains(secret);
        }
        return java.util.regex.Pattern.compile("(?<![0-9A-Za-z.])" + secret + "(?![0-9A-Za-z])").matcher(text).find();
    }
}
