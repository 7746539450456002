package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes rows older than the retention period, oldest first, per chain, in small transactions (one batch each) so a
 * purge never holds locks that logins' inserts would wait for. Only a chain's prefix is removed; the last removed
 * row's sequence and hash become the chain's anchor in the same transaction, so verification still starts from a
 * known hash instead of trusting whatever row happens to be first. The deleted rows leave the hourly roll-up in the
 * same transaction, so the stats keep counting exactly the rows that are there.
 */
final class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final int MAX_BATCHES_PER_RUN = 100;

    private RetentionPurge() {
    }

    /** @return rows deleted */
    static long run(Connection c, String prefix, Instant cutoff, int batchSize) throws SQLException {
        String table = prefix + "txauth_audit_event";
        List<String[]> chains = new ArrayList<>();
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT realm_id, chain_id FROM " + table
                + " WHERE occurred_at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chains.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        long deleted = 0;
        int batches = 0;
        for (String[] chain : chains) {
            while (batches++ < MAX_BATCHES_PER_RUN) {
                int n = purgeBatch(c, prefix, chain[0], chain[1], cutoff, batchSize);
                deleted += n;
                if (n < batchSize) {
                    break;
                }
            }
        }
        if (deleted > 0) {
            LOG.infof("txauth-audit: retention removed %d rows older than %s", deleted, cutoff);
        }
        return deleted;
    }

    private static int purgeBatch(Connection c, String prefix, String realmId, String chainId, Instant cutoff,
                                  int batchSize) throws SQLException {
        String table = prefix + "txauth_audit_event";
        c.setAutoCommit(false);
        try {
            long lastSeq = -1;
            String lastHash = null;
            // The oldest rows of the chain, stopping at the first one still inside the retention period.
            try (PreparedStatement ps = c.prepareStatement("SELECT chain_seq, hash, occurred_at < ? FROM " + table
                    + " WHERE realm_id = ? AND chain_id = ? ORDER BY chain_seq LIMIT ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                ps.setString(2, realmId);
                ps.setString(3, chainId);
                ps.setInt(4, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && rs.getBoolean(3)) {
                        lastSeq = rs.getLong(1);
                        lastHash = rs.getString(2);
                    }
                }
            }
            if (lastSeq < 0) {
                c.commit();
                return 0;
            }
            AuditRollup.subtractChainPrefix(c, prefix, realmId, chainId, lastSeq, cutoff);
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE realm_id = ? AND chain_id = ? AND chain_seq <= ?")) {
                ps.setString(1, realmId);
                ps.setString(2, chainId);
                ps.setLong(3, lastSeq);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "txauth_audit_chain_anchor "
                    + "(realm_id, chain_id, anchor_seq, anchor_hash, pruned_at) VALUES (?,?,?,?, now()) "
                    + "ON CONFLICT (realm_id, chain_id) DO UPDATE SET anchor_seq = EXCLUDED.anchor_seq, "
                    + "anchor_hash = EXCLUDED.anchor_hash, pruned_at = EXCLUDED.pruned_at")) {
                ps.setString(1, realmId);
                ps.setString(2, chainId);
                ps.setLong(3, lastSeq);
                ps.setString(4, lastHash);
                ps.executeUpdate();
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
