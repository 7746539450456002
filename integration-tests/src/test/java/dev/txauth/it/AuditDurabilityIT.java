package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.audit.AuditRecord;
import dev.txauth.audit.RecordCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing is lost and nothing is doubled: logins keep working while the audit PostgreSQL is down, and a SIGKILL of
 * Keycloak right after a burst loses no committed event.
 */
@TxauthKeycloakTest
class AuditDurabilityIT {

    private final TxauthServer server;
    private final AuditTable audit;

    AuditDurabilityIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    @Test
    void loginsSucceedWhileTheAuditDatabaseIsDownAndEveryEventArrivesOnceWhenItIsBack() {
        List<TestUser> users = new ArrayList<>();
        server.auditDatabase().stop();
        long outageStart = System.currentTimeMillis();
        try {
            while (System.currentTimeMillis() - outageStart < 32_000) {
                TestUser user = TestUsers.withOtp(server, "audit-outage");
                login(user);
                users.add(user);
            }
        } finally {
            server.auditDatabase().start();
        }
        assertTrue(users.size() >= 5, "only " + users.size() + " logins in 32 s");
        assertEachStoredExactlyOnce(users);
        assertTrue(metric("txauth_audit_spooled_events_total") > 0, "events accepted during the outage are counted");
        assertEquals(0.0, metric("txauth_audit_failed_events_total"), "no event may be lost");
    }

    @Test
    void gracefulRestartRightAfterABurstLosesNothing() throws Exception {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser user = TestUsers.withOtp(server, "audit-restart");
            login(user);
            users.add(user);
        }
        long stopsBefore = writerStops();
        server.restart();
        assertEquals(stopsBefore + 1, writerStops(), "shutdown must stop the writer through the factory (drain)");
        assertEachStoredExactlyOnce(users);
    }

    private long writerStops() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(server.logFile()).stream()
                .filter(l -> l.contains("txauth-audit: writer stopped")).count();
    }

    private double metric(String name) {
        String body = server.newBrowser().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                server.managementUrl() + "/metrics"))).body();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void sigkillRightAfterABurstLosesNoCommittedEvent() {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(TestUsers.withOtp(server, "audit-crash"));
        }
        for (int i = 0; i < 5; i++) {
            login(users.get(i));
        }
        // The second half is acknowledged to the client only while the audit database is unreachable, so those
        // events exist nowhere but in the local spool when Keycloak is killed.
        server.auditDatabase().stop();
        try {
            for (int i = 5; i < users.size(); i++) {
                login(users.get(i));
            }
            server.crashAndRestart();
        } finally {
            server.auditDatabase().start();
        }
        assertEachStoredExactlyOnce(users);
    }

    @Test
    void spoolAndCheckpointFilesAreOwnerOnly() throws Exception {
        TestUser user = TestUsers.withOtp(server, "audit-modes");
        login(user);
        audit.awaitRow(user.id(), "CODE_TO_TOKEN");
        Path spool = server.auditSpoolDir();
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(spool));
        List<Path> files;
        try (var list = Files.list(spool)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("segment-")), files.toString());
        for (Path f : files) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(f), f.toString());
        }
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(server.auditCheckpointFile()));
    }

    @Test
    void aLineInjectedIntoTheSpoolIsRefusedNotStored() throws Exception {
        String realmId = server.admin().get("/admin/realms/" + TxauthServer.REALM).json().get("id").asText();
        String forgedId = UUID.randomUUID().toString();
        String forged = RecordCodec.toJson(new AuditRecord(forgedId, System.currentTimeMillis(), realmId,
                AuditRecord.USER, "LOGIN", AuditRecord.SUCCESS, "forged-user", null, "mobile-app", null,
                "6.6.6.6", null, "USER", "users/forged-user", null, Map.of()));
        CRC32 crc = new CRC32();
        crc.update(forged.getBytes(StandardCharsets.UTF_8));
        double refusedBefore = metric("txauth_audit_spool_refused_events_total");
        TestUser user = TestUsers.withOtp(server, "audit-inject");
        server.auditDatabase().stop();
        try {
            login(user);
            // While the database is down the writer replays the spool: a new segment after the active one is
            // read as if the node had written it. A valid CRC is all the old format asked for.
            Path spool = server.auditSpoolDir();
            long last;
            try (var list = Files.list(spool)) {
                last = list.map(p -> p.getFileName().toString()).filter(n -> n.matches("segment-\\d+\\.log"))
                        .mapToLong(n -> Long.parseLong(n.substring(8, n.length() - 4))).max().orElse(0);
            }
            Path injected = Files.createFile(spool.resolve(String.format("segment-%016d.log", last + 1)),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(injected, String.format("%08x ", crc.getValue()) + forged + "\n" + "0".repeat(64) + " " + forged + "\n");
        } finally {
            server.auditDatabase().start();
        }
        audit.awaitRow(user.id(), "CODE_TO_TOKEN");
        long deadline = System.currentTimeMillis() + 10_000;
        while (metric("txauth_audit_spool_refused_events_total") <= refusedBefore
                && System.currentTimeMillis() < deadline) {
            AuditTable.sleep(250);
        }
        assertTrue(metric("txauth_audit_spool_refused_events_total") >= refusedBefore + 2,
                "both forged lines are refused and counted");
        assertEquals(List.of(), audit.query("SELECT event_id FROM txauth_audit_event WHERE event_id = ?::uuid "
                + "OR user_id = 'forged-user'", forgedId));
        assertTrue(Files.readString(server.logFile()).contains("refused a spool line that is not authentic"));
    }

    private void login(TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        assertEquals(200, tokens.status(), "login must not depend on the audit database: " + tokens.body());
    }

    private void assertEachStoredExactlyOnce(List<TestUser> users) {
        for (TestUser user : users) {
            List<Map<String, Object>> rows = audit.awaitRows(user.id(), r -> count(r, "CODE_TO_TOKEN") >= 1
                    && count(r, "LOGIN") >= 1 && count(r, "ADMIN_CREATE_USER") >= 1, "events of " + user.username());
            assertEquals(1, count(rows, "LOGIN"), "LOGIN of " + user.username() + ": " + rows);
            assertEquals(1, count(rows, "CODE_TO_TOKEN"), "CODE_TO_TOKEN of " + user.username());
            assertEquals(1, count(rows, "ADMIN_CREATE_USER"), "ADMIN_CREATE_USER of " + user.username());
        }
        assertEquals(0, audit.query("SELECT event_id FROM txauth_audit_event GROUP BY event_id HAVING count(*) > 1")
                .size());
        JsonNode verify = audit.verify();
        assertTrue(verify.get("valid").asBoolean(), verify.toString());
    }

    private static long count(List<Map<String, Object>> rows, String type) {
        return rows.stream().filter(r -> type.equals(r.get("type"))).count();
    }
}
