package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code checkpoint-interval-seconds} (and when the writer stops), signs the head of each chain this node
 * extended since the last checkpoint and hands it to every {@link CheckpointSink}: one INFO line in the server log
 * (the line itself is the signed checkpoint) and the checkpoint file. Runs on the writer thread, which owns the heads.
 */
final class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);

    /** Logs the signed line at INFO: collected by whatever ships the server log (a SIEM), out of the DB admin's reach. */
    static final CheckpointSink LOG_SINK = new LogSink();

    private static final class LogSink implements CheckpointSink {
        @Override
        public void publish(Checkpoint checkpoint, String signedLine) {
            LOG.info(signedLine);
        }
    }

    private final AuditKey key;
    private final String chainId;
    private final Duration interval;
    private final List<CheckpointSink> sinks;
    private final Clock clock;
    private final Map<String, String> published = new HashMap<>();
    private Instant next;

    CheckpointPublisher(AuditKey key, String chainId, Duration interval, List<CheckpointSink> sinks, Clock clock) {
        this.key = key;
        this.chainId = chainId;
        this.interval = interval;
        this.sinks = sinks;
        this.clock = clock;
        this.next = clock.instant().plus(interval);
    }

    /** Publishes if the interval has passed; {@code heads} maps realm id to {@code seq:hash}. */
    void maybePublish(Map<String, String> heads) {
        if (clock.instant().isBefore(next)) {
            return;
        }
        next = clock.instant().plus(interval);
        publish(heads);
    }

    /** Publishes every head that changed since its last checkpoint. */
    void publish(Map<String, String> heads) {
        for (Map.Entry<String, String> head : heads.entrySet()) {
            if (head.getValue().equals(published.get(head.getKey()))) {
                continue;
            }
            int colon = head.getValue().indexOf(':');
            Checkpoint c = new Checkpoint(head.getKey(), chainId, Long.parseLong(head.getValue().substring(0, colon)),
                    head.getValue().substring(colon + 1), key.id(), clock.instant());
            String line = c.format(key);
            boolean all = true;
            for (CheckpointSink sink : sinks) {
                try {
                    sink.publish(c, line);
                } catch (Exception e) {
                    all = false;
                    LOG.warnf("txauth-audit: checkpoint sink %s failed (%s); retried at the next interval",
                            sink.getClass().getSimpleName(), e.getClass().getSimpleName());
                }
            }
            if (all) {
                published.put(head.getKey(), head.getValue());
            }
        }
    }
}
