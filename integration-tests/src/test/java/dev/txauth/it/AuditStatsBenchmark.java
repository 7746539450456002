package dev.txauth.it;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stats query (docs/api.md §12) on 10 million generated audit rows in the test server's audit PostgreSQL, timed
 * end to end through {@code GET /admin/realms/{realm}/txauth-audit/stats}, with the plan PostgreSQL chose. Not part of
 * the suite; run with
 * {@code ./mvnw -B verify -pl integration-tests -am -Pbenchmark -Dit.test=AuditStatsBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}; the report goes to {@code target/benchmarks/audit-stats.md}.
 */
@TxauthKeycloakTest
class AuditStatsBenchmark {

    private static final long ROWS = Long.getLong("txauth.bench.rows", 10_000_000L);
    private static final int DAYS = 365;
    private static final int RUNS = 5;
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
            }
            long inserted = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            st.execute("VACUUM ANALYZE txauth_audit_event");
            report.append(String.format("Generated in %.1f s, VACUUM ANALYZE %.1f s (autovacuum does the same on a "
                    + "live table; index-only scans need its visibility map).%n%n", inserted / 1e9,
                    (System.nanoTime() - t1) / 1e9));
            report.append("| period | bucket | rows in period | p50 | min | max |\n|---|---|---|---|---|---|\n");
            measure(report, st, realmId, end.minus(1, ChronoUnit.DAYS), end, "hour");
            measure(report, st, realmId, end.minus(30, ChronoUnit.DAYS), end, "day");
            measure(report, st, realmId, end.minus(DAYS, ChronoUnit.DAYS), end, "day");
            report.append("\nPlan of the count statement over 30 days:\n\n```\n");
            try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT date_trunc('day', occurred_at AT "
                    + "TIME ZONE 'UTC'), type, count(*) FROM txauth_audit_event WHERE realm_id = '" + realmId
                    + "' AND occurred_at >= '" + end.minus(30, ChronoUnit.DAYS) + "' AND occurred_at < '" + end
                    + "' AND type = ANY (ARRAY['LOGIN','LOGIN_ERROR','TXAUTH_DEVICE_TRUSTED',"
                    + "'TXAUTH_TRANSACTION_REGISTERED','TXAUTH_TRANSACTION_CONSUMED']) GROUP BY 1, 2")) {
                while (rs.next()) {
                    report.append(rs.getString(1)).append('\n');
                }
            }
            report.append("```\n");
        } finally {
            try (Connection c = server.auditDatabase().open(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM txauth_audit_event WHERE realm_id = '" + realmId + "'");
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
        long rows;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM txauth_audit_event WHERE realm_id = '" + realmId
                + "' AND occurred_at >= '" + from + "' AND occurred_at < '" + to + "'")) {
            rs.next();
            rows = rs.getLong(1);
        }
        String path = "/realms/" + REALM + "/txauth-audit/stats?bucket=" + bucket + "&from=" + from + "&to=" + to;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = RealmAdmins.getAdmin(server, server.admin().accessToken(), path);
            assertEquals(200, r.statusCode(), r.body());
            if (i > 0) {   // the first run warms the caches
                millis.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(millis);
        report.append(String.format("| %s … %s | %s | %,d | %.0f ms | %.0f ms | %.0f ms |%n", from, to, bucket, rows,
                millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1)));
    }
}
