package dev.txauth.audit;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The listener's server options, read once at start ({@code --spi-events-listener--txauth-audit--<name>}).
 *
 * @param jdbcUrl               separate audit PostgreSQL; null = Keycloak's own database
 * @param spoolDir              local journal; default {@code <kc.home.dir>/data/txauth-audit}
 * @param chainId               this node's hash-chain id; null = a random id kept in the spool folder
 */
public record AuditConfig(String jdbcUrl, String username, String password, int batchSize, int queueCapacity,
                          Duration flushInterval, Path spoolDir, long spoolMaxBytes, int retentionDays,
                          int retentionBatchSize, boolean includeRepresentation, String chainId) {

    public static final String JDBC_URL = "jdbc-url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String BATCH_SIZE = "batch-size";
    public static final String QUEUE_CAPACITY = "queue-capacity";
    public static final String FLUSH_INTERVAL_MS = "flush-interval-ms";
    public static final String SPOOL_DIR = "spool-dir";
    public static final String SPOOL_MAX_MB = "spool-max-mb";
    public static final String RETENTION_DAYS = "retention-days";
    public static final String RETENTION_BATCH_SIZE = "retention-batch-size";
    public static final String INCLUDE_REPRESENTATION = "include-representation";
    public static final String CHAIN_ID = "chain-id";

    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final int DEFAULT_FLUSH_INTERVAL_MS = 200;
    public static final int DEFAULT_SPOOL_MAX_MB = 512;
    public static final int DEFAULT_RETENTION_DAYS = 400;
    public static final int DEFAULT_RETENTION_BATCH_SIZE = 500;

    public AuditConfig {
        if (batchSize < 1 || queueCapacity < 1 || spoolMaxBytes < 1024 * 1024 || retentionDays < 1
                || retentionBatchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("txauth-audit: batch-size, queue-capacity, retention-days, "
                    + "retention-batch-size, flush-interval-ms must be positive and spool-max-mb at least 1");
        }
        jdbcUrl = blankToNull(jdbcUrl);
        chainId = blankToNull(chainId);
    }

    public boolean separateDatabase() {
        return jdbcUrl != null;
    }

    public static Path defaultSpoolDir() {
        String home = System.getProperty("kc.home.dir");
        Path base = home != null ? Path.of(home, "data") : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("txauth-audit");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
