package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed audit events to PostgreSQL off the request threads. {@link #accept} (request thread, after commit)
 * appends the event to the local {@link SpoolJournal} and offers it to a bounded in-memory queue; a single background
 * thread inserts queued events in batches and checkpoints the journal after each commit. When PostgreSQL fails, the
 * thread stops reading the queue and instead replays the journal from the checkpoint, in order, until it is caught
 * up; the same replay runs at start, which is what recovers events after a crash. Each event therefore reaches the
 * table at least once, and {@link AuditStore} skips ids already stored: exactly once in the table. Between batches
 * and at stop the thread also signs and publishes the chain heads ({@link CheckpointPublisher}).
 */
final class AuditWriter implements Runnable {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** Counting unwritten spool lines at stop reads the spool; stop counting here (a long outage's backlog). */
    private static final long STOP_COUNT_LIMIT = 1_000_000;

    private record Pending(AuditRecord record, SpoolJournal.Position position) {
    }

    private final AuditConfig config;
    private final SpoolJournal journal;
    private final AuditStore store;
    private final CheckpointPublisher checkpoints;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong overflows = new AtomicLong();
    private AuditMetrics metrics;
    private volatile boolean stopping;
    private volatile boolean databaseDown;
    private volatile long stopDeadline;
    private long lastFailureLog;
    private volatile long unwrittenAtStop = -1;
    private Thread thread;

    AuditWriter(AuditConfig config, SpoolJournal journal, AuditStore store, CheckpointPublisher checkpoints) {
        this.config = config;
        this.journal = journal;
        this.store = store;
        this.checkpoints = checkpoints;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    void start(AuditMetrics metrics) {
        this.metrics = metrics;
        thread = new Thread(this, "txauth-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Events in the spool but not in the database when the writer stopped; -1 while it runs (or if unknown). */
    long unwrittenAtStop() {
        return unwrittenAtStop;
    }

    int queueDepth() {
        return queue.size();
    }

    /** Called after the Keycloak transaction committed. Never touches PostgreSQL, never blocks on the queue. */
    void accept(AuditRecord record) {
        String json = RecordCodec.toJson(record);
        try {
            synchronized (this) {
                SpoolJournal.Position position = journal.append(json);
                if (!queue.offer(new Pending(record, position))) {
                    overflows.incrementAndGet();
                }
            }
            metrics.queued.increment();
            if (databaseDown) {
                metrics.spooled.increment();
            }
        } catch (IOException e) {
            metrics.failed.increment();
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 10_000) {
                lastFailureLog = now;
                LOG.errorf("txauth-audit: an audit event could not be kept in the spool %s (%s); audit events are "
                        + "being lost", journal.directory(), e.getClass().getSimpleName());
            }
        }
    }

    /** Stops accepting work, writes what can be written within the drain timeout, and returns. */
    void stop() {
        stopDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        stopping = true;
        if (thread != null) {
            try {
                thread.join(DRAIN_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        SpoolJournal.Position handled;
        try {
            handled = journal.loadCheckpoint();
        } catch (IOException e) {
            LOG.errorf("txauth-audit: cannot read the spool checkpoint in %s", journal.directory());
            return;
        }
        // Create or upgrade the tables at start, so the admin endpoints work before the first event.
        try {
            store.connection();
        } catch (SQLException | RuntimeException e) {
            databaseDown = true;
            store.reset();
            LOG.warnf("txauth-audit: audit database not reachable at start (%s); events are spooled until it is",
                    e.getClass().getSimpleName());
        }
        boolean replay = true;
        long seenOverflows = 0;
        long backoffMillis = 500;
        Instant nextRetention = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            if (stopping && (System.nanoTime() > stopDeadline || databaseDown)) {
                break;
            }
            long overflowCount = overflows.get();
            if (overflowCount != seenOverflows) {
                seenOverflows = overflowCount;
                replay = true;
            }
            List<Pending> batch;
            try {
                if (replay) {
                    // Everything queued so far is in the journal, which the replay reads to its end: the queued
                    // copies would only be skipped later, and meanwhile fill the queue, overflow it and restart
                    // the replay. An event appended after this clear stays queued with a position past the replay.
                    queue.clear();
                }
                batch = replay ? fromJournal(handled) : fromQueue(handled);
            } catch (IOException e) {
                LOG.errorf("txauth-audit: cannot read the spool in %s", journal.directory());
                sleep(backoffMillis);
                continue;
            } catch (InterruptedException e) {
                break;
            }
            if (batch.isEmpty()) {
                if (replay) {
                    replay = false;
                    continue;
                }
                if (stopping) {
                    break;
                }
                checkpoints.maybePublish(store.heads());
                if (Instant.now().isAfter(nextRetention) && !databaseDown) {
                    nextRetention = Instant.now().plus(RETENTION_EVERY);
                    purge();
                }
                continue;
            }
            try {
                journal.force();
                List<AuditRecord> records = new ArrayList<>(batch.size());
                batch.forEach(p -> records.add(p.record()));
                long start = System.nanoTime();
                int inserted = store.write(records);
                metrics.writeLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                metrics.written.increment(inserted);
                metrics.duplicates.increment(records.size() - inserted);
                handled = batch.get(batch.size() - 1).position();
                journal.checkpoint(handled);
                checkpoints.maybePublish(store.heads());
                if (databaseDown) {
                    databaseDown = false;
                    LOG.infof("txauth-audit: audit database reachable again, spool replayed up to %s", handled);
                }
                backoffMillis = 500;
            } catch (SQLException | IOException | RuntimeException e) {
                metrics.writeErrors.increment();
                if (!databaseDown) {
                    databaseDown = true;
                    // Only the exception class and SQL state: a driver message can quote row values.
                    LOG.warnf("txauth-audit: audit database write failed (%s %s); events stay in the spool %s "
                            + "and are replayed when it is back", e.getClass().getSimpleName(),
                            e instanceof SQLException s ? s.getSQLState() : "", journal.directory());
                }
                replay = true;
                queue.clear();
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
        try {
            journal.force();
        } catch (IOException e) {
            LOG.warnf("txauth-audit: final spool fsync failed in %s", journal.directory());
        }
        checkpoints.publish(store.heads());
        store.close();
        logStop(handled);
    }

    /**
     * The truth at stop is the journal past the last checkpoint, not the queue: the queue can still hold copies of
     * events a replay already wrote, and after an overflow it lacks events that are only in the journal.
     */
    private void logStop(SpoolJournal.Position handled) {
        long unwritten;
        try {
            unwritten = unwrittenInJournal(handled);
        } catch (IOException e) {
            LOG.warnf("txauth-audit: writer stopped; cannot read the spool in %s to count unwritten events",
                    journal.directory());
            return;
        }
        unwrittenAtStop = unwritten;
        if (unwritten == 0) {
            LOG.info("txauth-audit: writer stopped, every spooled event is in the audit database");
        } else {
            LOG.infof("txauth-audit: writer stopped, %s%d events not yet in the audit database (kept in the spool %s, "
                    + "written at the next start)", unwritten >= STOP_COUNT_LIMIT ? "at least " : "", unwritten,
                    journal.directory());
        }
    }

    private long unwrittenInJournal(SpoolJournal.Position from) throws IOException {
        long count = 0;
        SpoolJournal.Position position = from;
        while (count < STOP_COUNT_LIMIT) {
            List<SpoolJournal.Entry> entries = journal.read(position, config.batchSize());
            if (entries.isEmpty()) {
                break;
            }
            count += entries.size();
            position = entries.get(entries.size() - 1).end();
        }
        return count;
    }

    private List<Pending> fromJournal(SpoolJournal.Position handled) throws IOException {
        List<Pending> batch = new ArrayList<>();
        for (SpoolJournal.Entry e : journal.read(handled, config.batchSize())) {
            try {
                batch.add(new Pending(RecordCodec.fromJson(e.payload()), e.end()));
            } catch (IllegalArgumentException corrupt) {
                metrics.failed.increment();
            }
        }
        return batch;
    }

    private List<Pending> fromQueue(SpoolJournal.Position handled) throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        Pending first = queue.poll(config.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        do {
            queue.drainTo(batch, config.batchSize() - batch.size());
            // Entries a replay already covered are in the table; the journal order is the queue order. An empty
            // batch means "nothing to do" to the caller (and "done" at stop), so skip past stale ones here.
            batch.removeIf(p -> p.position().compareTo(handled) <= 0);
        } while (batch.isEmpty() && !queue.isEmpty());
        return batch;
    }

    private void purge() {
        try {
            RetentionPurge.run(store.connection(), store.schemaPrefix(), Instant.now().minus(Duration.ofDays(config.retentionDays())),
                    config.retentionBatchSize());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("txauth-audit: retention run failed (%s)", e.getClass().getSimpleName());
            store.reset();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
