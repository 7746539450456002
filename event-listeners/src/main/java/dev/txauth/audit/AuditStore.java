package dev.txauth.audit;

import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Inserts batches into {@code txauth_audit_event}, extending this node's hash chain per realm. Used by the single
 * writer thread only, which is what makes the chain safe: a chain has exactly one writer (this node), so sequence
 * numbers and {@code prev_hash} never race; other nodes write their own chains. Rows already present (a replay after a
 * crash between commit and checkpoint) are skipped before hashing, so the chain never references a row it did not
 * store, and the primary key on {@code event_id} rejects anything that slips through. The same transaction adds the
 * inserted rows, and only those, to the hourly roll-up ({@link AuditRollup}), so a replay never counts an event twice. Every row is hashed with the
 * audit key ({@link HashChain#KEYED}), and the row names the key's id.
 */
final class AuditStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditStore.class);

    private record Head(long seq, String hash) {
    }

    private final ConnectionSource source;
    private final String chainId;
    private final AuditKey key;
    private final String table;
    private final Map<String, Head> heads = new HashMap<>();
    private final Map<String, Long> checkpointed = new HashMap<>();
    private Connection connection;
    private boolean migrated;

    AuditStore(ConnectionSource source, String chainId, AuditKey key) {
        this.source = source;
        this.chainId = chainId;
        this.key = key;
        this.table = source.schemaPrefix() + "txauth_audit_event";
    }

    /** @return how many rows were inserted (the rest were already stored) */
    int write(List<AuditRecord> batch) throws SQLException {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            Set<String> present = existing(c, batch);
            Map<String, Head> next = new HashMap<>();
            List<UUID> insertedIds = new ArrayList<>(batch.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (event_id, occurred_at, realm_id, "
                    + "kind, type, outcome, user_id, target_user_id, client_id, session_id, ip_address, error, "
                    + "resource_type, resource_path, transaction_id, details, chain_id, chain_seq, prev_hash, hash, "
                    + "hash_version, key_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?)")) {
                for (AuditRecord r : batch) {
                    if (!present.add(r.eventId())) {
                        continue;
                    }
                    Head head = next.containsKey(r.realmId()) ? next.get(r.realmId()) : head(c, r.realmId());
                    long seq = head.seq() + 1;
                    String hash = HashChain.hash(key, head.hash(), r, chainId, seq);
                    int i = 1;
                    ps.setObject(i++, UUID.fromString(r.eventId()));
                    ps.setObject(i++, OffsetDateTime.ofInstant(Instant.ofEpochMilli(r.occurredAt()), ZoneOffset.UTC));
                    ps.setString(i++, r.realmId());
                    ps.setString(i++, r.kind());
                    ps.setString(i++, r.type());
                    ps.setString(i++, r.outcome());
                    for (String v : new String[] {r.userId(), r.targetUserId(), r.clientId(), r.sessionId(),
                            r.ipAddress(), r.error(), r.resourceType(), r.resourcePath(), r.transactionId()}) {
                        ps.setString(i++, v);
                    }
                    ps.setString(i++, RecordCodec.detailsJson(r.details()));
                    ps.setString(i++, chainId);
                    ps.setLong(i++, seq);
                    ps.setString(i++, head.hash());
                    ps.setString(i++, hash);
                    ps.setInt(i++, HashChain.KEYED);
                    ps.setString(i, key.id());
                    ps.addBatch();
                    next.put(r.realmId(), new Head(seq, hash));
                    insertedIds.add(UUID.fromString(r.eventId()));
                }
                if (!insertedIds.isEmpty()) {
                    ps.executeBatch();
                }
            }
            // Last before the commit: the hour rows it updates stay locked only for the commit itself.
            AuditRollup.add(c, source.schemaPrefix(), insertedIds);
            c.commit();
            heads.putAll(next);
            return insertedIds.size();
        } catch (SQLException | RuntimeException e) {
            reset();
            throw e;
        }
    }

    /** Drops the connection and the cached chain heads; the next call reconnects and re-reads the heads. */
    void reset() {
        heads.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is already broken
            }
            connection = null;
        }
    }

    Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = source.open();
            try {
                if (!migrated) {
                    AuditSchema.migrate(c, source.schemaPrefix());
                    migrated = true;
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    String schemaPrefix() {
        return source.schemaPrefix();
    }

    String chainId() {
        return chainId;
    }

    /** This node's chain heads known since the last (re)connect: realm id → {@code seq:hash}. */
    Map<String, String> heads() {
        Map<String, String> out = new HashMap<>();
        heads.forEach((realm, h) -> out.put(realm, h.seq() + ":" + h.hash()));
        return out;
    }

    /**
     * The highest sequence this node's checkpoints recorded per realm: a stored head below it means rows were deleted
     * from the database. The writer still continues from the stored head (the checkpoints keep the evidence and
     * {@code /verify} reports it), but says so at once.
     */
    void checkpointed(Map<String, Long> seqByRealm) {
        checkpointed.putAll(seqByRealm);
    }

    private Head head(Connection c, String realmId) throws SQLException {
        Head cached = heads.get(realmId);
        if (cached != null) {
            return cached;
        }
        Head stored = storedHead(c, realmId);
        long expected = checkpointed.getOrDefault(realmId, 0L);
        if (stored.seq() < expected) {
            LOG.errorf("txauth-audit: chain %s of realm %s ends at row %d in the audit database but was checkpointed "
                    + "at row %d: rows were deleted outside txauth", LogSafe.id(chainId), LogSafe.id(realmId),
                    stored.seq(), expected);
        }
        return stored;
    }

    private Head storedHead(Connection c, String realmId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chain_seq, hash FROM " + table
                + " WHERE realm_id = ? AND chain_id = ? ORDER BY chain_seq DESC LIMIT 1")) {
            ps.setString(1, realmId);
            ps.setString(2, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Head(rs.getLong(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT anchor_seq, anchor_hash FROM " + source.schemaPrefix()
                + "txauth_audit_chain_anchor WHERE realm_id = ? AND chain_id = ?")) {
            ps.setString(1, realmId);
            ps.setString(2, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, HashChain.GENESIS);
            }
        }
    }

    private Set<String> existing(Connection c, List<AuditRecord> batch) throws SQLException {
        List<UUID> ids = new ArrayList<>(batch.size());
        batch.forEach(r -> ids.add(UUID.fromString(r.eventId())));
        Set<String> present = new HashSet<>();
        Array array = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM " + table + " WHERE event_id = ANY (?)")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        return present;
    }

    @Override
    public void close() {
        reset();
    }
}
