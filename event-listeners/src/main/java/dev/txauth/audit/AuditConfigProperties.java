package dev.txauth.audit;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;

/** The server options of {@code txauth-audit}, as {@code kc.sh show-config} and the provider info list them. */
final class AuditConfigProperties {

    static final List<ProviderConfigProperty> METADATA = ProviderConfigurationBuilder.create()
            .property().name(AuditConfig.JDBC_URL).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("JDBC URL of a separate audit PostgreSQL. Empty: Keycloak's own database.").add()
            .property().name(AuditConfig.USERNAME).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("User for jdbc-url.").add()
            .property().name(AuditConfig.PASSWORD).type(ProviderConfigProperty.PASSWORD).secret(true)
            .helpText("Password for jdbc-url (prefer the KC_SPI_EVENTS_LISTENER__TXAUTH_AUDIT__PASSWORD variable).")
            .add()
            .property().name(AuditConfig.BATCH_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_BATCH_SIZE).helpText("Rows per insert transaction.").add()
            .property().name(AuditConfig.QUEUE_CAPACITY).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_QUEUE_CAPACITY)
            .helpText("Events held in memory; beyond it the writer reads them back from the spool.").add()
            .property().name(AuditConfig.FLUSH_INTERVAL_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_FLUSH_INTERVAL_MS)
            .helpText("Longest wait for more events before a partial batch is written.").add()
            .property().name(AuditConfig.SPOOL_DIR).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Local journal directory. Default: <keycloak>/data/txauth-audit.").add()
            .property().name(AuditConfig.SPOOL_MAX_MB).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_SPOOL_MAX_MB)
            .helpText("Upper bound of the journal; when full, new events are counted as failed.").add()
            .property().name(AuditConfig.RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_RETENTION_DAYS).helpText("Rows older than this are deleted.").add()
            .property().name(AuditConfig.RETENTION_BATCH_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditConfig.DEFAULT_RETENTION_BATCH_SIZE)
            .helpText("Rows deleted per retention transaction.").add()
            .property().name(AuditConfig.INCLUDE_REPRESENTATION).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false)
            .helpText("Store admin event representations (redacted). Also needs the realm's admin event details.")
            .add()
            .property().name(AuditConfig.CHAIN_ID).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("This node's hash-chain id; unique per node. Default: random, kept in the spool directory.")
            .add()
            .property().name(AuditAnchorConfig.KEY_FILE).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("File with the audit HMAC key (at least 32 bytes), the same on every node, never in the "
                    + "database. Default: a random key this node creates in the spool directory (single node).").add()
            .property().name(AuditAnchorConfig.PREVIOUS_KEY_FILES).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Comma-separated files of retired audit keys, to verify rows made before a rotation.").add()
            .property().name(AuditAnchorConfig.CHECKPOINT_FILE).type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Append-only file of signed chain checkpoints. Default: <spool-dir>/checkpoints.log.").add()
            .property().name(AuditAnchorConfig.CHECKPOINT_INTERVAL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(AuditAnchorConfig.DEFAULT_CHECKPOINT_INTERVAL_SECONDS)
            .helpText("Seconds between signed checkpoints of the chain heads (log line + checkpoint file).").add()
            .build();

    private AuditConfigProperties() {
    }
}
