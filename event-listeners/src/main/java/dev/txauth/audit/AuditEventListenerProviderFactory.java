package dev.txauth.audit;

import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Registers the {@code txauth-audit} event listener. Realms enable it in "Realm settings → Events → Event listeners"
 * (the payments realm JSON does so). The factory reads its server options once, owns the spool journal, the single
 * writer thread and the metrics, and stops them (draining the queue) when Keycloak shuts down.
 */
public class AuditEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "txauth-audit";
    private static final Logger LOG = Logger.getLogger(AuditEventListenerProviderFactory.class);
    private static final long SEGMENT_BYTES = 8L * 1024 * 1024;

    private AuditConfig config;
    private AuditAnchorConfig anchorConfig;
    private AuditKeys keys;
    private CheckpointFile checkpointFile;
    private SpoolJournal journal;
    private AuditWriter writer;
    private AuditMetrics metrics;
    private AuditQueries queries;
    private String chainId;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider(session, config, writer);
    }

    @Override
    public void init(Config.Scope scope) {
        String spoolDir = scope.get(AuditConfig.SPOOL_DIR);
        config = new AuditConfig(
                scope.get(AuditConfig.JDBC_URL),
                scope.get(AuditConfig.USERNAME),
                scope.get(AuditConfig.PASSWORD),
                scope.getInt(AuditConfig.BATCH_SIZE, AuditConfig.DEFAULT_BATCH_SIZE),
                scope.getInt(AuditConfig.QUEUE_CAPACITY, AuditConfig.DEFAULT_QUEUE_CAPACITY),
                Duration.ofMillis(scope.getInt(AuditConfig.FLUSH_INTERVAL_MS, AuditConfig.DEFAULT_FLUSH_INTERVAL_MS)),
                spoolDir == null || spoolDir.isBlank() ? AuditConfig.defaultSpoolDir() : Path.of(spoolDir),
                scope.getLong(AuditConfig.SPOOL_MAX_MB, (long) AuditConfig.DEFAULT_SPOOL_MAX_MB) * 1024 * 1024,
                scope.getInt(AuditConfig.RETENTION_DAYS, AuditConfig.DEFAULT_RETENTION_DAYS),
                scope.getInt(AuditConfig.RETENTION_BATCH_SIZE, AuditConfig.DEFAULT_RETENTION_BATCH_SIZE),
                scope.getBoolean(AuditConfig.INCLUDE_REPRESENTATION, false),
                scope.get(AuditConfig.CHAIN_ID));
        anchorConfig = AuditAnchorConfig.of(scope.get(AuditAnchorConfig.KEY_FILE),
                scope.get(AuditAnchorConfig.PREVIOUS_KEY_FILES), scope.get(AuditAnchorConfig.CHECKPOINT_FILE),
                scope.getInt(AuditAnchorConfig.CHECKPOINT_INTERVAL_SECONDS,
                        AuditAnchorConfig.DEFAULT_CHECKPOINT_INTERVAL_SECONDS), config.spoolDir());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ConnectionSource source = config.separateDatabase()
                ? ConnectionSource.jdbc(config.jdbcUrl(), config.username(), config.password())
                : KeycloakDatabase.from(factory);
        try {
            OwnerOnly.directory(config.spoolDir());
            keys = AuditKeys.load(anchorConfig.keyFile(), anchorConfig.previousKeyFiles(), config.spoolDir());
            journal = SpoolJournal.open(config.spoolDir(), keys.current(), config.spoolMaxBytes(), SEGMENT_BYTES);
            chainId = config.chainId() != null ? config.chainId() : nodeChainId(config.spoolDir());
            checkpointFile = new CheckpointFile(anchorConfig.checkpointFile());
        } catch (IOException e) {
            throw new UncheckedIOException("txauth-audit: cannot open the spool or the audit key in "
                    + config.spoolDir(), e);
        }
        if (keys.generated()) {
            LOG.warnf("txauth-audit: no %s configured; this node signs its audit chain with its own random key in %s "
                    + "(single node only: set %s to one key shared by every node, see docs/audit.md)",
                    AuditAnchorConfig.KEY_FILE, config.spoolDir(), AuditAnchorConfig.KEY_FILE);
        }
        queries = new AuditQueries(source);
        CheckpointPublisher checkpoints = new CheckpointPublisher(keys.current(), chainId,
                anchorConfig.checkpointInterval(), List.of(CheckpointPublisher.LOG_SINK, checkpointFile),
                Clock.systemUTC());
        AuditStore store = new AuditStore(source, chainId, keys.current());
        store.checkpointed(ownCheckpoints());
        writer = new AuditWriter(config, journal, store, checkpoints);
        metrics = new AuditMetrics(Metrics.globalRegistry, writer::queueDepth, journal::sizeBytes,
                journal::refusedLines);
        writer.start(metrics);
        LOG.infof("txauth-audit: writing to %s, chain %s, key %s, spool %s, checkpoints %s every %d s, retention %d "
                + "days", config.separateDatabase() ? "a separate PostgreSQL" : "Keycloak's database",
                LogSafe.id(chainId), keys.current().id(), config.spoolDir(), anchorConfig.checkpointFile(),
                anchorConfig.checkpointInterval().toSeconds(), config.retentionDays());
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.stop();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warnf("txauth-audit: closing the spool failed (%s)", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AuditConfigProperties.METADATA;
    }

    /** For the admin endpoints. */
    AuditQueries queries() {
        return queries;
    }

    AuditKeys keys() {
        return keys;
    }

    CheckpointFile checkpointFile() {
        return checkpointFile;
    }

    String chainId() {
        return chainId;
    }

    /** Highest checkpointed sequence of this node's chain, per realm. */
    private Map<String, Long> ownCheckpoints() {
        Map<String, Long> out = new HashMap<>();
        try {
            for (Checkpoint c : checkpointFile.read(null, keys)) {
                if (c.chainId().equals(chainId)) {
                    out.merge(c.realmId(), c.seq(), Math::max);
                }
            }
        } catch (IOException e) {
            LOG.warnf("txauth-audit: cannot read the checkpoint file %s (%s)", checkpointFile.path(),
                    e.getClass().getSimpleName());
        }
        return out;
    }

    /**
     * One hash chain per node: a random id created once and kept next to the node's spool, so a restart continues
     * the same chain and two nodes never share one (which would make them race for sequence numbers).
     */
    private static String nodeChainId(Path spoolDir) throws IOException {
        Path file = spoolDir.resolve("chain-id");
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String id = "node-" + HexFormat.of().formatHex(random);
        OwnerOnly.writeNew(file, id + "\n");
        return id;
    }
}
