package dev.txauth.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writer throughput into a real PostgreSQL: spool append on the caller's thread, batches + hash chain on the writer
 * thread, measured until every row is committed. Not a regular test (the name does not end in Test); run with
 * {@code ./mvnw -B -q test -pl event-listeners -Dtest=AuditWriterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditWriterBenchmark {

    private static final int EVENTS = Integer.getInteger("txauth.bench.events", 50_000);

    @TempDir
    Path spool;

    @Test
    void measuresEventsPerSecondIntoPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            ConnectionSource source = ConnectionSource.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres");
            AuditConfig config = new AuditConfig("x", null, null, AuditConfig.DEFAULT_BATCH_SIZE,
                    AuditConfig.DEFAULT_QUEUE_CAPACITY, Duration.ofMillis(AuditConfig.DEFAULT_FLUSH_INTERVAL_MS),
                    spool, 1024L * 1024 * 1024, 400, 500, false, "bench");
            SpoolJournal journal = SpoolJournal.open(spool, SpoolJournalTest.KEY, config.spoolMaxBytes(), 8L * 1024 * 1024);
            AuditWriter writer = new AuditWriter(config, journal, new AuditStore(source, "bench",
                    SpoolJournalTest.KEY), new CheckpointPublisher(SpoolJournalTest.KEY, "bench",
                    java.time.Duration.ofMinutes(5), java.util.List.of(), java.time.Clock.systemUTC()));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            AuditMetrics metrics = new AuditMetrics(registry, writer::queueDepth, journal::sizeBytes,
                    journal::refusedLines);
            writer.start(metrics);
            // warm-up: schema creation and JIT
            for (int i = 0; i < 2000; i++) {
                writer.accept(event(i));
            }
            awaitWritten(metrics, 2000);

            long start = System.nanoTime();
            long acceptNanos = 0;
            for (int i = 0; i < EVENTS; i++) {
                long t = System.nanoTime();
                writer.accept(event(i));
                acceptNanos += System.nanoTime() - t;
            }
            awaitWritten(metrics, 2000 + EVENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.stop();
            journal.close();
            try (Connection c = source.open(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*) FROM txauth_audit_event")) {
                rs.next();
                assertEquals(2000 + EVENTS, rs.getLong(1));
            }
            System.out.printf("txauth-audit writer: %d events in %.2f s = %.0f events/s into PostgreSQL; "
                            + "accept() on the caller thread: mean %.1f µs; batch write mean %.1f ms over %d batches%n",
                    EVENTS, seconds, EVENTS / seconds, acceptNanos / 1e3 / EVENTS,
                    metrics.writeLatency.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    metrics.writeLatency.count());
            assertTrue(EVENTS / seconds > 0);
        }
    }

    private static void awaitWritten(AuditMetrics metrics, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (metrics.written.count() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
    }

    private static AuditRecord event(int i) {
        return new AuditRecord(AuditEventMapper.newEventId(), System.currentTimeMillis(), "realm-bench",
                AuditRecord.USER, "LOGIN", AuditRecord.SUCCESS, "user-" + (i % 1000), null, "mobile-app",
                "session-" + i, "10.0.0." + (i % 250), null, "USER", "users/user-" + (i % 1000), null,
                Map.of("username", "user" + (i % 1000), "auth_method", "openid-connect", "code_id", "c" + i,
                        "redirect_uri", "com.example.wallet:/oauth2redirect"));
    }
}
