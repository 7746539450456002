package dev.txauth.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Store, retention and verification against a real PostgreSQL (embedded, started once for the class). */
class RetentionPurgeTest {

    private static final AuditKeys KEYS = new AuditKeys(SpoolJournalTest.KEY, List.of(), false);
    private static EmbeddedPostgres pg;
    private static ConnectionSource source;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        source = ConnectionSource.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static AuditRecord at(Instant when, String realm) {
        return new AuditRecord(AuditEventMapper.newEventId(), when.toEpochMilli(), realm, AuditRecord.USER, "LOGIN",
                AuditRecord.SUCCESS, "u", null, "c", null, "127.0.0.1", null, "USER", "users/u", null, Map.of());
    }

    @Test
    void deletesOnlyExpiredPrefixInSmallBatchesAndKeepsTheChainVerifiable() throws Exception {
        String realm = "realm-retention";
        Instant now = Instant.now();
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(at(now.minus(Duration.ofDays(500 - i)), realm));
        }
        for (int i = 0; i < 5; i++) {
            batch.add(at(now.minus(Duration.ofDays(10 - i)), realm));
        }
        try (AuditStore store = new AuditStore(source, "node-r", KEYS.current())) {
            assertEquals(30, store.write(batch));
            assertEquals(0, store.write(batch), "a replayed batch is stored once");
        }
        AuditQueries queries = new AuditQueries(source);
        assertTrue(queries.verify(realm, KEYS, List.of()).valid());
        try (Connection c = source.open()) {
            long deleted = RetentionPurge.run(c, "", now.minus(Duration.ofDays(400)), 7);
            assertEquals(25, deleted);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), min(chain_seq) FROM "
                    + "txauth_audit_event WHERE realm_id = '" + realm + "'")) {
                rs.next();
                assertEquals(5, rs.getInt(1));
                assertEquals(26, rs.getLong(2));
            }
        }
        AuditQueries.Verification v = queries.verify(realm, KEYS, List.of());
        assertTrue(v.valid(), "the anchor continues the chain");
        assertEquals(5, v.checked());
        try (AuditStore store = new AuditStore(source, "node-r", KEYS.current())) {
            store.write(List.of(at(now, realm)));
        }
        assertTrue(queries.verify(realm, KEYS, List.of()).valid(), "a new row after a purge continues from the head");
        try (Connection c = source.open()) {
            c.createStatement().executeUpdate("DELETE FROM txauth_audit_chain_anchor WHERE realm_id = '" + realm + "'");
        }
        assertFalse(queries.verify(realm, KEYS, List.of()).valid(), "a pruned chain without its anchor does not verify");
    }

    @Test
    void keepsOneChainPerNodeAndVerifiesThemIndependently() throws Exception {
        String realm = "realm-nodes";
        try (AuditStore a = new AuditStore(source, "node-a", KEYS.current()); AuditStore b = new AuditStore(source, "node-b", KEYS.current())) {
            for (int i = 0; i < 5; i++) {
                a.write(List.of(at(Instant.now(), realm), at(Instant.now(), realm)));
                b.write(List.of(at(Instant.now(), realm)));
            }
        }
        AuditQueries.Verification v = new AuditQueries(source).verify(realm, KEYS, List.of());
        assertTrue(v.valid());
        assertEquals(15, v.checked());
        assertEquals(2, v.heads().size());
        assertTrue(v.heads().get("node-a").startsWith("10:"));
        assertTrue(v.heads().get("node-b").startsWith("5:"));
    }
}
