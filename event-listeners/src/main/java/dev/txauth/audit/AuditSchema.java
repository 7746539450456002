package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * txauth's own versioned migrations for the audit tables, applied over JDBC by the writer on its first connection.
 * Not Keycloak's Liquibase: the same tables must appear in a separate audit PostgreSQL that Keycloak's Liquibase never
 * sees, and an audit database that is down at boot must not stop Keycloak from starting (the writer spools and
 * migrates when the database comes back). Nodes starting together serialise on a transaction-scoped advisory lock;
 * PostgreSQL DDL is transactional, so a version is applied completely or not at all.
 */
final class AuditSchema {

    private static final Logger LOG = Logger.getLogger(AuditSchema.class);
    /** Arbitrary constant shared by every txauth node: "txauth-audit-schema". */
    private static final long LOCK_KEY = 0x7478617564697401L;

    /** Version n is {@code MIGRATIONS.get(n - 1)}. Never edit a released entry; append a new one. */
    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE %1$stxauth_audit_event (
                event_id        uuid        PRIMARY KEY,
                occurred_at     timestamptz NOT NULL,
                realm_id        text        NOT NULL,
                kind            text        NOT NULL CHECK (kind IN ('USER', 'ADMIN')),
                type            text        NOT NULL,
                outcome         text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
                user_id         text,
                target_user_id  text,
                client_id       text,
                session_id      text,
                ip_address      text,
                error           text,
                resource_type   text,
                resource_path   text,
                transaction_id  text,
                details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
                chain_id        text        NOT NULL,
                chain_seq       bigint      NOT NULL,
                prev_hash       char(64)    NOT NULL,
                hash            char(64)    NOT NULL,
                stored_at       timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT txauth_audit_event_chain_uk UNIQUE (realm_id, chain_id, chain_seq)
            );
            CREATE INDEX txauth_audit_event_user_idx ON %1$stxauth_audit_event (realm_id, user_id, occurred_at DESC);
            CREATE INDEX txauth_audit_event_target_idx ON %1$stxauth_audit_event (realm_id, target_user_id, occurred_at DESC)
                WHERE target_user_id IS NOT NULL;
            CREATE INDEX txauth_audit_event_txn_idx ON %1$stxauth_audit_event (transaction_id)
                WHERE transaction_id IS NOT NULL;
            CREATE INDEX txauth_audit_event_time_idx ON %1$stxauth_audit_event (realm_id, occurred_at DESC);
            CREATE TABLE %1$stxauth_audit_chain_anchor (
                realm_id    text        NOT NULL,
                chain_id    text        NOT NULL,
                anchor_seq  bigint      NOT NULL,
                anchor_hash char(64)    NOT NULL,
                pruned_at   timestamptz NOT NULL,
                PRIMARY KEY (realm_id, chain_id)
            );
            """, """
            ALTER TABLE %1$stxauth_audit_event
                ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2)),
                ADD COLUMN key_id       text;
            """, """
            -- docs/api.md §12 stats: counts per bucket, type and outcome from the index alone (index-only scan);
            -- it also serves the newest-first event search, so it replaces the plain time index.
            CREATE INDEX txauth_audit_event_stats_idx ON %1$stxauth_audit_event (realm_id, occurred_at)
                INCLUDE (type, outcome);
            DROP INDEX %1$stxauth_audit_event_time_idx;
            -- Risk decisions need details (decision, signals): only their rows, found without scanning the rest.
            CREATE INDEX txauth_audit_event_risk_idx ON %1$stxauth_audit_event (realm_id, occurred_at)
                WHERE type = 'TXAUTH_RISK_DECISION';
            """,
            // Version 4: the hourly roll-up the stats read for whole hours (AuditRollup), filled from existing rows.
            AuditRollup.MIGRATION, """
            -- Version 5: the throttled-IPs series counts distinct IPs of the login throttle's refusals (docs/api.md §10);
            -- they are few, and this finds them without reading a year of other rows.
            CREATE INDEX txauth_audit_event_throttled_idx ON %1$stxauth_audit_event (realm_id, occurred_at)
                INCLUDE (ip_address) WHERE type = 'TXAUTH_LOGIN_THROTTLED';
            """);

    private AuditSchema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    static void migrate(Connection c, String prefix) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            st.execute("CREATE TABLE IF NOT EXISTS " + prefix + "txauth_audit_schema (version integer PRIMARY KEY, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            int current;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + prefix
                    + "txauth_audit_schema")) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                st.execute(String.format(MIGRATIONS.get(v - 1), prefix));
                st.execute("INSERT INTO " + prefix + "txauth_audit_schema (version) VALUES (" + v + ")");
                LOG.infof("txauth-audit: applied audit schema version %d", v);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
