package dev.txauth.audit;

import dev.txauth.audit.stats.AuditStatsQuery;
import dev.txauth.audit.stats.StatsRequest;
import dev.txauth.audit.stats.StatsSeries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly roll-up against a real PostgreSQL: it always equals the raw count of the rows (after writes, a replayed
 * batch, a retention purge), buckets are UTC hours and days whatever the session's time zone, and the stats query
 * splits a period between roll-up and rows without losing or doubling an event at the edges.
 */
class AuditRollupTest {

    private static final AuditKeys KEYS = new AuditKeys(SpoolJournalTest.KEY, List.of(), false);
    /** +05:30: an hour or day truncated in the session's zone would be off by half an hour from UTC. */
    private static final TimeZone ODD_ZONE = TimeZone.getTimeZone("Asia/Kolkata");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z");
    private static EmbeddedPostgres pg;
    private static ConnectionSource source;
    private static TimeZone defaultZone;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        // pgjdbc sends the JVM's zone as the session TimeZone, as Keycloak's would on a server set to that zone.
        defaultZone = TimeZone.getDefault();
        TimeZone.setDefault(ODD_ZONE);
        source = ConnectionSource.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        TimeZone.setDefault(defaultZone);
        pg.close();
    }

    private static AuditRecord event(Instant when, String realm, String type, Map<String, String> details) {
        return new AuditRecord(AuditEventMapper.newEventId(), when.toEpochMilli(), realm, AuditRecord.USER, type,
                type.endsWith("_ERROR") ? AuditRecord.FAILURE : AuditRecord.SUCCESS, "u", null, "c", null,
                "127.0.0.1", null, "USER", "users/u", null, details);
    }

    private static AuditRecord login(Instant when, String realm) {
        return event(when, realm, "LOGIN", Map.of());
    }

    private static AuditRecord risk(Instant when, String realm, String decision, String signals) {
        return event(when, realm, "TXAUTH_RISK_DECISION", Map.of("risk_decision", decision, "risk_signals", signals));
    }

    @Test
    void bucketsAreUtcHoursAndDaysAtTheirEdgesInAnySessionTimeZone() throws Exception {
        String realm = "realm-edges";
        Instant ms = MIDNIGHT.minusMillis(1);   // 23:59:59.999 the day before
        List<AuditRecord> batch = List.of(login(ms, realm), login(MIDNIGHT, realm),
                login(MIDNIGHT.plus(Duration.ofMinutes(59)), realm), login(MIDNIGHT.plus(Duration.ofHours(1)), realm),
                login(MIDNIGHT.plus(Duration.ofMinutes(150)), realm), event(MIDNIGHT, realm, "LOGIN_ERROR", Map.of()));
        try (AuditStore store = new AuditStore(source, "node-e", KEYS.current())) {
            assertEquals(6, store.write(batch));
        }
        try (Connection c = source.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW TimeZone")) {
            rs.next();
            assertEquals("Asia/Kolkata", rs.getString(1), "the session is not in UTC, so the test means something");
        }
        assertRollupEqualsRows(realm);
        assertEquals(Map.of("2026-02-28T23:00:00Z", 1L, "2026-03-01T00:00:00Z", 2L, "2026-03-01T01:00:00Z", 1L,
                "2026-03-01T02:00:00Z", 1L), rollupHours(realm, "LOGIN"));

        // Day buckets around midnight: the event at 23:59:59.999 is the previous day's, midnight is the new day's.
        Map<String, Object> days = stats(realm, Instant.parse("2026-02-28T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), StatsRequest.Bucket.DAY).values();
        assertEquals(List.of(1L, 4L), days.get("logins"));
        assertEquals(List.of(0L, 1L), days.get("failed_logins"));

        // A period ending inside an hour: whole hours from the roll-up, the partial last hour from the rows;
        // `to` is exclusive, to the millisecond.
        StatsSeries hours = stats(realm, MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(150)), StatsRequest.Bucket.HOUR);
        assertEquals(List.of(2L, 1L, 0L), hours.values().get("logins"));
        hours = stats(realm, MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(150)).plusMillis(1), StatsRequest.Bucket.HOUR);
        assertEquals(List.of(2L, 1L, 1L), hours.values().get("logins"));
        StatsSeries edge = stats(realm, MIDNIGHT.minus(Duration.ofHours(1)), MIDNIGHT.plus(Duration.ofMinutes(59)),
                StatsRequest.Bucket.HOUR);
        assertEquals(List.of(1L, 1L), edge.values().get("logins"), "23:59:59.999 from the roll-up, 00:00 from the "
                + "rows, 00:59 is `to` itself");
        StatsSeries noWholeHour = stats(realm, MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(59)).plusMillis(1),
                StatsRequest.Bucket.HOUR);
        assertEquals(List.of(2L), noWholeHour.values().get("logins"), "no whole hour: all from the rows");
    }

    @Test
    void aReplayedBatchIsCountedOnceAndRiskDimensionsMatchTheRows() throws Exception {
        String realm = "realm-replay";
        Instant t = MIDNIGHT.plus(Duration.ofDays(3));
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(login(t.plusSeconds(i * 200L), realm));
        }
        batch.add(risk(t, realm, "ALLOW", "new_network"));
        batch.add(risk(t, realm, "STEP_UP", "unknown_device,new_network"));
        batch.add(risk(t, realm, "STEP_UP_PASSKEY", "new_network,unknown_device"));
        batch.add(risk(t, realm, "DENY", "unknown_devices"));
        batch.add(event(t, realm, "TXAUTH_RISK_DECISION", Map.of()));
        try (AuditStore store = new AuditStore(source, "node-r", KEYS.current())) {
            assertEquals(35, store.write(batch));
            List<AuditRecord> replay = new ArrayList<>(batch.subList(20, batch.size()));
            replay.add(login(t, realm));
            assertEquals(1, store.write(replay), "a replay after a crash before the checkpoint: only the new event");
        }
        assertRollupEqualsRows(realm);
        Map<String, Object> totals = stats(realm, t, t.plus(Duration.ofDays(1)), StatsRequest.Bucket.DAY).totals();
        assertEquals(31L, totals.get("logins"));
        assertEquals(1L, totals.get("risk_allow"));
        assertEquals(1L, totals.get("risk_deny"));
        assertEquals(2L, totals.get("step_ups"));
        assertEquals(2L, totals.get("new_devices"), "unknown_device as a whole signal, not unknown_devices");
    }

    @Test
    void retentionRemovesPurgedRowsFromTheRollup() throws Exception {
        String realm = "realm-purge";
        Instant now = Instant.now();
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(login(now.minus(Duration.ofDays(500)).plus(Duration.ofMinutes(20L * i)), realm));
        }
        batch.add(login(now.minus(Duration.ofDays(2)), realm));
        try (AuditStore store = new AuditStore(source, "node-p", KEYS.current())) {
            store.write(batch);
        }
        try (Connection c = source.open()) {
            assertEquals(12, RetentionPurge.run(c, "", now.minus(Duration.ofDays(400)), 5));
        }
        assertRollupEqualsRows(realm);
        assertEquals(1, rollupHours(realm, "LOGIN").size(), "hours left at zero are removed");
    }

    @Test
    void theMigrationCountsRowsStoredBeforeTheRollupExisted() throws Exception {
        String prefix = "legacy.";
        try (Connection c = source.open(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA legacy");
        }
        ConnectionSource legacy = new ConnectionSource() {
            @Override
            public Connection open() throws java.sql.SQLException {
                return source.open();
            }

            @Override
            public String schemaPrefix() {
                return prefix;
            }
        };
        try (AuditStore store = new AuditStore(legacy, "node-m", KEYS.current())) {
            store.write(List.of(login(MIDNIGHT, "realm-m"), login(MIDNIGHT.plusSeconds(4000), "realm-m")));
        }
        try (Connection c = source.open(); Statement st = c.createStatement()) {
            // Back to version 3 with its rows kept: as a database written by the previous release.
            st.execute("DROP TABLE legacy." + AuditRollup.TABLE);
            st.execute("DROP INDEX legacy.txauth_audit_event_throttled_idx");
            st.execute("DELETE FROM legacy.txauth_audit_schema WHERE version >= 4");
            AuditSchema.migrate(c, prefix);
            try (ResultSet rs = st.executeQuery("SELECT sum(events) FROM legacy." + AuditRollup.TABLE)) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
        }
    }

    private static StatsSeries stats(String realm, Instant from, Instant to, StatsRequest.Bucket bucket)
            throws Exception {
        StatsRequest request = new StatsRequest(from, to, bucket);
        StatsSeries series = new StatsSeries(request.bucketStarts());
        AuditStatsQuery.declare(series);
        new AuditStatsQuery(source).fill(realm, request, series);
        return series;
    }

    /** Hour (UTC, ISO) → roll-up count of one type. */
    private static Map<String, Long> rollupHours(String realm, String type) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = source.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT hour_start, sum(events) FROM " + AuditRollup.TABLE
                     + " WHERE realm_id = '" + realm + "' AND type = '" + type + "' GROUP BY 1")) {
            while (rs.next()) {
                out.put(rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString(), rs.getLong(2));
            }
        }
        return out;
    }

    /** The roll-up, key by key, against a GROUP BY over the rows written independently of AuditRollup's SQL. */
    private static void assertRollupEqualsRows(String realm) throws Exception {
        String raw = "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') || ' ' || type || ' ' || outcome"
                + " || ' ' || CASE WHEN type = 'TXAUTH_RISK_DECISION' THEN coalesce(details ->> 'risk_decision', '')"
                + " ELSE '' END || ' ' || (type = 'TXAUTH_RISK_DECISION' AND (',' || coalesce(details ->> "
                + "'risk_signals', '') || ',') LIKE '%,unknown_device,%'), count(*) FROM txauth_audit_event "
                + "WHERE realm_id = '" + realm + "' GROUP BY 1";
        String rollup = "SELECT to_char(hour_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') || ' ' || type || ' ' || "
                + "outcome || ' ' || risk_decision || ' ' || unknown_device, events FROM " + AuditRollup.TABLE
                + " WHERE realm_id = '" + realm + "'";
        Map<String, Long> expected = keyed(raw);
        assertFalse(expected.isEmpty());
        assertEquals(expected, keyed(rollup));
        assertTrue(expected.keySet().stream().allMatch(k -> k.startsWith("20")), expected.toString());
    }

    private static Map<String, Long> keyed(String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = source.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
        return out;
    }
}
