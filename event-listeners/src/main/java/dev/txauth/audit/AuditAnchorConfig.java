package dev.txauth.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The server options that anchor the audit trail outside the database (docs/audit.md, "Key handling" and
 * "Checkpoints"), read once at start.
 *
 * @param keyFile            file holding the audit key (≥ 32 bytes); null = a random key this node creates once in
 *                           its spool directory
 * @param previousKeyFiles   retired keys, still used to verify rows and checkpoints made with them
 * @param checkpointFile     append-only checkpoint file; default {@code <spool-dir>/checkpoints.log}
 * @param checkpointInterval how often the chain heads are signed and published
 */
public record AuditAnchorConfig(Path keyFile, List<Path> previousKeyFiles, Path checkpointFile,
                                Duration checkpointInterval) {

    public static final String KEY_FILE = "key-file";
    public static final String PREVIOUS_KEY_FILES = "previous-key-files";
    public static final String CHECKPOINT_FILE = "checkpoint-file";
    public static final String CHECKPOINT_INTERVAL_SECONDS = "checkpoint-interval-seconds";
    public static final int DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 300;
    public static final String DEFAULT_CHECKPOINT_FILE_NAME = "checkpoints.log";

    public AuditAnchorConfig {
        if (checkpointInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("txauth-audit: " + CHECKPOINT_INTERVAL_SECONDS + " must be at least 1");
        }
        previousKeyFiles = List.copyOf(previousKeyFiles);
    }

    /** Parses the raw option values (null or blank = default). */
    public static AuditAnchorConfig of(String keyFile, String previousKeyFiles, String checkpointFile,
                                       int intervalSeconds, Path spoolDir) {
        List<Path> previous = previousKeyFiles == null || previousKeyFiles.isBlank() ? List.of()
                : java.util.Arrays.stream(previousKeyFiles.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(Path::of).toList();
        return new AuditAnchorConfig(blank(keyFile) ? null : Path.of(keyFile.strip()), previous,
                blank(checkpointFile) ? spoolDir.resolve(DEFAULT_CHECKPOINT_FILE_NAME) : Path.of(checkpointFile.strip()),
                Duration.ofSeconds(intervalSeconds));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
