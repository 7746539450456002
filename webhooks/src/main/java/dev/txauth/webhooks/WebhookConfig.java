package dev.txauth.webhooks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server options of {@code txauth-webhooks} ({@code --spi-events-listener--txauth-webhooks--<key>}), read once
 * at start (docs/webhooks.md "Settings"). Immutable, handed to the listener, the sender and the admin resource.
 *
 * @param secretKeyFile  file with the key that seals endpoint secrets; null: a key this node creates once
 * @param allowLoopback  deliveries to 127.0.0.0/8 and ::1 (dev server and tests only)
 * @param allowPrivate   deliveries to RFC 1918 and fc00::/7 addresses (a payment service on the internal network)
 */
public record WebhookConfig(Path secretKeyFile, Path stateDir, boolean allowLoopback, boolean allowPrivate,
                            Duration timeout, Duration retryBase, Duration retryMaxDelay, Duration maxAge,
                            int pauseAfterFailures, Duration pause, Duration pollInterval, int batchSize,
                            int senderThreads, Duration lease) {

    public static final String SECRET_KEY_FILE = "secret-key-file";
    public static final String STATE_DIR = "state-dir";
    public static final String ALLOW_LOOPBACK = "allow-loopback";
    public static final String ALLOW_PRIVATE = "allow-private-addresses";
    public static final String TIMEOUT_MS = "timeout-ms";
    public static final String RETRY_BASE_MS = "retry-base-ms";
    public static final String RETRY_MAX_DELAY_MS = "retry-max-delay-ms";
    public static final String MAX_AGE_SECONDS = "max-age-seconds";
    public static final String PAUSE_AFTER_FAILURES = "pause-after-failures";
    public static final String PAUSE_SECONDS = "pause-seconds";
    public static final String POLL_INTERVAL_MS = "poll-interval-ms";
    public static final String BATCH_SIZE = "batch-size";
    public static final String SENDER_THREADS = "sender-threads";

    /** docs/api.md §11: a 2xx within 10 s is delivered. */
    public static final int DEFAULT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_RETRY_BASE_MS = 5_000;
    public static final int DEFAULT_RETRY_MAX_DELAY_MS = 3_600_000;
    /** docs/api.md §11: retried for 24 h, then failed. */
    public static final int DEFAULT_MAX_AGE_SECONDS = 86_400;
    public static final int DEFAULT_PAUSE_AFTER_FAILURES = 20;
    public static final int DEFAULT_PAUSE_SECONDS = 600;
    public static final int DEFAULT_POLL_INTERVAL_MS = 1_000;
    public static final int DEFAULT_BATCH_SIZE = 50;
    public static final int DEFAULT_SENDER_THREADS = 8;

    public WebhookConfig {
        if (timeout.isNegative() || timeout.isZero() || retryBase.isZero() || batchSize < 1 || senderThreads < 1
                || pauseAfterFailures < 1) {
            throw new IllegalArgumentException("txauth-webhooks: timeout, retry base, batch size, sender threads "
                    + "and pause-after-failures must be positive");
        }
    }

    /** Default state directory: next to the audit spool under Keycloak's data directory. */
    static Path defaultStateDir() {
        String home = System.getProperty("kc.home.dir");
        return (home == null ? Path.of("data") : Path.of(home, "data")).resolve("txauth-webhooks");
    }

    /**
     * How long a claimed delivery is reserved for the node that claimed it. Longer than one attempt can take, so a
     * live node never loses its claim; a node that dies mid-send hands the row back when it runs out.
     */
    static Duration leaseFor(Duration timeout) {
        return timeout.multipliedBy(3).plusSeconds(5);
    }
}
