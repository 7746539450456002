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
        for (String[] haystack : new String[][] {{"table", table}, {"log", log}}) {
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
}
