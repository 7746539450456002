package dev.txauth.it;

import dev.txauth.audit.AuditRollup;
import dev.txauth.audit.stats.AuditStatsQuery;
import dev.txauth.audit.stats.StatsRequest;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.RealmAdmins;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stats query (docs/api.md §12) on 10 million generated audit rows in the test server's audit PostgreSQL, timed
 * end to end through {@code GET /admin/realms/{realm}/txauth-audit/stats}, with the plan PostgreSQL chose, next to the
 * previous version's raw statements (before the hourly roll-up) timed in the same run. Not part of
 * the suite; run with
 * {@code ./mvnw -B verify -pl integration-tests -am -Pbenchmark -Dit.test=AuditStatsBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}; the report goes to {@code target/benchmarks/audit-stats.md}.
 */
@TxauthKeycloakTest
class AuditStatsBenchmark {

    private static final long ROWS = Long.getLong("txauth.bench.rows", 10_000_000L);
    private static final int DAYS = 365;
    private static final int RUNS = 5;
    /** The raw statements of a year take seconds each: fewer runs. */
    private static final int RAW_RUNS = 3;
    private static final String REALM = "bench-stats";

    private final TxauthServer server;

    AuditStatsBenchmark(TxauthServer server) {
        this.server = server;
    }

    @Test
    void measuresTheStatsQueryOnTenMillionRows() throws Exception {
        AdminClient admin = server.admin();
        admin.post("/admin/realms", Map.of("realm", REALM, "enabled", true));
        String realmId = admin.get("/admin/realms/" + REALM).json().get("id").asText();
        StringBuilder report = new StringBuilder("# Audit stats on " + ROWS + " rows\n\n");
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        try (Connection c = server.auditDatabase().open(); Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = 0");
            long t0 = System.nanoTime();
            long rollupNanos = 0;
            // One realm holding every row (the worst case for its indexes), spread evenly over a year: half logins,
            // a tenth failed, 15 % risk decisions with the details the query reads, the rest tokens and payments.
            for (long start = 0; start < ROWS; start += 1_000_000) {
                st.execute("INSERT INTO txauth_audit_event (event_id, occurred_at, realm_id, kind, type, outcome, "
                        + "user_id, ip_address, details, chain_id, chain_seq, prev_hash, hash, hash_version) "
                        + "SELECT gen_random_uuid(), timestamptz '" + end + "' - interval '1 second' * (g * "
                        + (DAYS * 86400.0 / ROWS) + "), '" + realmId + "', 'USER', "
                        + "CASE WHEN g % 20 < 10 THEN 'LOGIN' WHEN g % 20 < 12 THEN 'LOGIN_ERROR' "
                        + "WHEN g % 20 < 15 THEN 'TXAUTH_RISK_DECISION' WHEN g % 20 < 18 THEN 'CODE_TO_TOKEN' "
                        + "WHEN g % 20 = 18 THEN 'TXAUTH_TRANSACTION_REGISTERED' ELSE 'TXAUTH_TRANSACTION_CONSUMED' END, "
                        + "CASE WHEN g % 20 IN (10, 11) THEN 'FAILURE' ELSE 'SUCCESS' END, "
                        + "'user-' || (g % 50000), '10.0.' || (g % 250) || '.1', "
                        + "CASE WHEN g % 20 BETWEEN 12 AND 14 THEN jsonb_build_object('risk_decision', "
                        + "(ARRAY['ALLOW','ALLOW','STEP_UP','DENY'])[1 + g % 4], 'risk_signals', "
                        + "CASE WHEN g % 3 = 0 THEN 'unknown_device,new_network' ELSE 'new_network' END) "
                        + "ELSE '{}'::jsonb END, 'bench', g, repeat('0', 64), repeat('0', 64), 2 "
                        + "FROM generate_series(" + (start + 1) + ", " + Math.min(ROWS, start + 1_000_000) + ") g");
                // What the writer does for the rows it inserts, with the same SQL (AuditRollup), per generated batch.
                long r = System.nanoTime();
                AuditRollup.addChainSegment(c, "", realmId, "bench", start + 1, Math.min(ROWS, start + 1_000_000));
                rollupNanos += System.nanoTime() - r;
            }
            long inserted = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            st.execute("VACUUM ANALYZE txauth_audit_event");
            st.execute("VACUUM ANALYZE " + AuditRollup.TABLE);
            long rollupRows = single(st, "SELECT count(*) FROM " + AuditRollup.TABLE + " WHERE realm_id = '"
                    + realmId + "'");
            report.append(String.format("Generated in %.1f s, of which the roll-up %.1f s (%,d roll-up rows); "
                    + "VACUUM ANALYZE %.1f s (autovacuum does the same on a live table; index-only scans need its "
                    + "visibility map). Load average at the start: %s.%n%n", inserted / 1e9, rollupNanos / 1e9,
                    rollupRows, (System.nanoTime() - t1) / 1e9, loadAverage()));
            report.append("`GET …/stats` over HTTP (roll-up), and the previous version's two raw statements run over "
                    + "JDBC in the same run (count + risk, the database time alone):\n\n");
            report.append("| period | bucket | rows in period | API p50 | API min | API max | raw statements p50 |\n"
                    + "|---|---|---|---|---|---|---|\n");
            Instant now = Instant.now();
            measure(report, st, realmId, end.minus(1, ChronoUnit.DAYS), end, "hour");
            measure(report, st, realmId, end.minus(7, ChronoUnit.DAYS), end, "day");
            measure(report, st, realmId, end.minus(30, ChronoUnit.DAYS), end, "day");
            measure(report, st, realmId, end.minus(DAYS, ChronoUnit.DAYS), end, "day");
            // The dashboard's own request: to = now, so the partial current hour is read from the rows.
            measure(report, st, realmId, end.minus(DAYS, ChronoUnit.DAYS).plus(Duration.between(end, now)), now, "day");
            report.append("\nLoad average at the end: ").append(loadAverage()).append("\n");
            plan(report, "Plan of the stats statement over 365 days ending now (roll-up + partial hour from rows)",
                    AuditStatsQuery.explain(c, "", realmId, new StatsRequest(end.minus(DAYS, ChronoUnit.DAYS), now,
                            StatsRequest.Bucket.DAY)));
            List<String> raw = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + rawCount(realmId,
                    end.minus(30, ChronoUnit.DAYS), end))) {
                while (rs.next()) {
                    raw.add(rs.getString(1));
                }
            }
            plan(report, "Plan of the previous version's count statement over 30 days", raw);
        } finally {
            try (Connection c = server.auditDatabase().open(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM txauth_audit_event WHERE realm_id = '" + realmId + "'");
                st.execute("DELETE FROM " + AuditRollup.TABLE + " WHERE realm_id = '" + realmId + "'");
            }
            admin.delete("/admin/realms/" + REALM);
        }
        Path out = Path.of("target", "benchmarks", "audit-stats.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void measure(StringBuilder report, Statement st, String realmId, Instant from, Instant to, String bucket)
            throws Exception {
        long rows = single(st, "SELECT count(*) FROM txauth_audit_event WHERE realm_id = '" + realmId
                + "' AND occurred_at >= '" + from + "' AND occurred_at < '" + to + "'");
        String path = "/realms/" + REALM + "/txauth-audit/stats?bucket=" + bucket + "&from=" + from + "&to=" + to;
        String token = server.admin().accessToken();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = RealmAdmins.getAdmin(server, token, path);
            assertEquals(200, r.statusCode(), r.body());
            if (i > 0) {   // the first run warms the caches
                millis.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(millis);
        List<Double> raw = new ArrayList<>();
        Instant bucketFrom = from.truncatedTo("hour".equals(bucket) ? ChronoUnit.HOURS : ChronoUnit.DAYS);
        for (int i = 0; i <= RAW_RUNS; i++) {
            long t = System.nanoTime();
            single(st, "SELECT count(*) FROM (" + rawCount(realmId, bucketFrom, to) + ") c");
            single(st, "SELECT count(*) FROM (" + rawRisk(realmId, bucketFrom, to) + ") r");
            if (i > 0) {
                raw.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(raw);
        report.append(String.format("| %s … %s | %s | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", from, to,
                bucket, rows, millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1),
                raw.get(raw.size() / 2)));
    }

    /** The previous version's count statement (before the roll-up), kept here as the "before" side. */
    private static String rawCount(String realmId, Instant from, Instant to) {
        return "SELECT date_trunc('day', occurred_at AT TIME ZONE 'UTC'), type, count(*) FROM txauth_audit_event "
                + "WHERE realm_id = '" + realmId + "' AND occurred_at >= '" + from + "' AND occurred_at < '" + to
                + "' AND type = ANY (ARRAY['LOGIN','LOGIN_ERROR','TXAUTH_DEVICE_TRUSTED',"
                + "'TXAUTH_TRANSACTION_REGISTERED','TXAUTH_TRANSACTION_APPROVED','TXAUTH_TRANSACTION_DECLINED',"
                + "'TXAUTH_TRANSACTION_LOCKED','TXAUTH_TRANSACTION_EXPIRED','TXAUTH_TRANSACTION_CONSUMED']) GROUP BY 1, 2";
    }

    /** The previous version's risk statement. */
    private static String rawRisk(String realmId, Instant from, Instant to) {
        return "SELECT date_trunc('day', occurred_at AT TIME ZONE 'UTC'), details ->> 'risk_decision', "
                + "(',' || coalesce(details ->> 'risk_signals', '') || ',') LIKE '%,unknown_device,%', count(*) "
                + "FROM txauth_audit_event WHERE realm_id = '" + realmId + "' AND occurred_at >= '" + from
                + "' AND occurred_at < '" + to + "' AND type = 'TXAUTH_RISK_DECISION' GROUP BY 1, 2, 3";
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void plan(StringBuilder report, String title, List<String> lines) {
        report.append("\n").append(title).append(":\n\n```\n");
        lines.forEach(l -> report.append(l).append('\n'));
        report.append("```\n");
    }

    /** Other builds share the machine: the report says how loaded it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
