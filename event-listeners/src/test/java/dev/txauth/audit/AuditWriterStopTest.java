package dev.txauth.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the writer reports at stop is what the spool holds beyond the database: zero when every event was committed
 * (even after the queue overflowed and a replay wrote the events, leaving stale copies queued), and every event when
 * the database was never reachable.
 */
class AuditWriterStopTest {

    private static final int SMALL_QUEUE = 50;

    @TempDir
    Path spool;

    @Test
    void reportsNothingUnwrittenWhenAnOverflowReplayWroteEverything() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            ConnectionSource source = ConnectionSource.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres");
            Started started = start(source);
            int events = 2_000; // 40 times the queue: it overflows, the writer replays the journal
            for (int i = 0; i < events; i++) {
                started.writer.accept(event(i));
            }
            awaitWritten(started.metrics, events);
            started.writer.stop();
            started.journal.close();
            assertEquals(events, rows(source));
            assertEquals(0, started.writer.unwrittenAtStop());
        }
    }

    @Test
    void reportsEverySpooledEventWhenTheDatabaseIsDown() throws Exception {
        ConnectionSource unreachable = ConnectionSource.jdbc("jdbc:postgresql://127.0.0.1:1/none", "nobody", "x");
        Started started = start(unreachable);
        for (int i = 0; i < 30; i++) {
            started.writer.accept(event(i));
        }
        started.writer.stop();
        started.journal.close();
        assertEquals(30, started.writer.unwrittenAtStop());
    }

    private record Started(AuditWriter writer, SpoolJournal journal, AuditMetrics metrics) {
    }

    private Started start(ConnectionSource source) throws Exception {
        AuditConfig config = new AuditConfig("x", null, null, AuditConfig.DEFAULT_BATCH_SIZE, SMALL_QUEUE,
                Duration.ofMillis(AuditConfig.DEFAULT_FLUSH_INTERVAL_MS), spool, 64L * 1024 * 1024, 400, 500, false,
                "stop-test");
        SpoolJournal journal = SpoolJournal.open(spool, SpoolJournalTest.KEY, config.spoolMaxBytes(),
                8L * 1024 * 1024);
        AuditWriter writer = new AuditWriter(config, journal, new AuditStore(source, "stop-test",
                SpoolJournalTest.KEY), new CheckpointPublisher(SpoolJournalTest.KEY, "stop-test",
                Duration.ofMinutes(5), List.of(), Clock.systemUTC()));
        AuditMetrics metrics = new AuditMetrics(new SimpleMeterRegistry(), writer::queueDepth, journal::sizeBytes,
                journal::refusedLines);
        writer.start(metrics);
        return new Started(writer, journal, metrics);
    }

    private static long rows(ConnectionSource source) throws Exception {
        try (Connection c = source.open(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM txauth_audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitWritten(AuditMetrics metrics, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (metrics.written.count() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, (long) metrics.written.count(), "events written before the stop");
    }

    static AuditRecord event(int i) {
        return new AuditRecord(AuditEventMapper.newEventId(), System.currentTimeMillis(), "realm-stop",
                AuditRecord.USER, "LOGIN", AuditRecord.SUCCESS, "user-" + i, null, "mobile-app", "session-" + i,
                "10.0.0." + (i % 250), null, "USER", "users/user-" + i, null, Map.of("username", "user" + i));
    }
}
