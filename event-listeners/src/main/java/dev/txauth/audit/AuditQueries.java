package dev.txauth.audit;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Read side for the admin endpoints: chain verification and the paged event search, one realm at a time. */
final class AuditQueries {

    /**
     * Outcome of {@link #verify}; {@code heads} maps chain id to {@code seq:hash} of its last verified row,
     * {@code checkpoints} to {@code seq:hash} of its newest signed checkpoint.
     */
    record Verification(boolean valid, long checked, String firstInvalidEventId, String invalidChainId,
                        String reason, Map<String, String> heads, Map<String, String> checkpoints) {
    }

    /** Search filter; null fields do not filter. */
    record Filter(String user, String type, Instant from, Instant to, int first, int max) {
    }

    private static final String COLUMNS = "event_id, occurred_at, realm_id, kind, type, outcome, user_id, "
            + "target_user_id, client_id, session_id, ip_address, error, resource_type, resource_path, transaction_id, "
            + "details::text AS details, chain_id, chain_seq, prev_hash, hash, hash_version, key_id";

    private final ConnectionSource source;
    private final String table;

    AuditQueries(ConnectionSource source) {
        this.source = source;
        this.table = source.schemaPrefix() + "txauth_audit_event";
    }

    /** The audit database these queries read, for the stats query (docs/api.md §12). */
    ConnectionSource source() {
        return source;
    }

    /**
     * Verifies every chain of the realm that has rows, an anchor or a checkpoint; stops at the first invalid one.
     *
     * @param checkpoints the realm's signed checkpoints (already verified), any order
     */
    Verification verify(String realmId, AuditKeys keys, List<Checkpoint> checkpoints) throws SQLException {
        Map<String, Map<Long, Set<String>>> published = new TreeMap<>();
        Map<String, String> newest = new TreeMap<>();
        for (Checkpoint cp : checkpoints) {
            published.computeIfAbsent(cp.chainId(), k -> new HashMap<>())
                    .computeIfAbsent(cp.seq(), k -> new HashSet<>()).add(cp.head());
            String seen = newest.get(cp.chainId());
            if (seen == null || Long.parseLong(seen.substring(0, seen.indexOf(':'))) < cp.seq()) {
                newest.put(cp.chainId(), cp.seq() + ":" + cp.head());
            }
        }
        try (Connection c = source.open()) {
            Map<String, Long> anchorSeq = new HashMap<>();
            Map<String, String> anchorHash = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, anchor_seq, anchor_hash FROM "
                    + source.schemaPrefix() + "txauth_audit_chain_anchor WHERE realm_id = ?")) {
                ps.setString(1, realmId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        anchorSeq.put(rs.getString(1), rs.getLong(2));
                        anchorHash.put(rs.getString(1), rs.getString(3));
                    }
                }
            }
            Function<String, ChainVerifier> verifierOf = chain -> new ChainVerifier(chain,
                    anchorSeq.getOrDefault(chain, 0L), anchorHash.getOrDefault(chain, HashChain.GENESIS), keys,
                    published.getOrDefault(chain, Map.of()));
            long checked = 0;
            Map<String, String> heads = new LinkedHashMap<>();
            // One statement: PostgreSQL gives it a single snapshot, so rows being appended meanwhile cannot
            // produce a false gap.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE realm_id = ? ORDER BY chain_id, chain_seq")) {
                ps.setFetchSize(1000);
                ps.setString(1, realmId);
                try (ResultSet rs = ps.executeQuery()) {
                    ChainVerifier verifier = null;
                    String chainOfVerifier = null;
                    while (true) {
                        ChainVerifier.StoredRow row = rs.next() ? row(rs) : null;
                        if (verifier != null && (row == null || !row.chainId().equals(chainOfVerifier))) {
                            checked += verifier.checked();
                            if (!verifier.finish()) {
                                return invalid(verifier, chainOfVerifier, checked, heads, newest);
                            }
                        }
                        if (row == null) {
                            break;
                        }
                        if (verifier == null || !row.chainId().equals(chainOfVerifier)) {
                            chainOfVerifier = row.chainId();
                            verifier = verifierOf.apply(chainOfVerifier);
                            heads.put(chainOfVerifier, "");
                        }
                        if (!verifier.accept(row)) {
                            return invalid(verifier, chainOfVerifier, checked + verifier.checked(), heads, newest);
                        }
                        heads.put(row.chainId(), verifier.headSeq() + ":" + verifier.head());
                    }
                }
            }
            // A chain that was checkpointed but has no row left: deleted, perhaps together with its anchor.
            for (String chain : published.keySet()) {
                if (!heads.containsKey(chain)) {
                    ChainVerifier verifier = verifierOf.apply(chain);
                    if (!verifier.finish()) {
                        return invalid(verifier, chain, checked, heads, newest);
                    }
                }
            }
            return new Verification(true, checked, null, null, null, heads, newest);
        }
    }

    private static Verification invalid(ChainVerifier v, String chain, long checked, Map<String, String> heads,
                                        Map<String, String> newest) {
        return new Verification(false, checked, v.firstInvalidEventId(), chain, v.reason().code(), heads, newest);
    }

    List<Map<String, Object>> search(String realmId, Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + table + " WHERE realm_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(realmId);
        if (f.user() != null) {
            sql.append(" AND (user_id = ? OR target_user_id = ?)");
            args.add(f.user());
            args.add(f.user());
        }
        if (f.type() != null) {
            sql.append(" AND type = ?");
            args.add(f.type());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY occurred_at DESC, chain_id, chain_seq DESC OFFSET ? LIMIT ?");
        args.add(f.first());
        args.add(f.max());
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChainVerifier.StoredRow row = row(rs);
                    AuditRecord r = row.record();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("event_id", r.eventId());
                    m.put("occurred_at", Instant.ofEpochMilli(r.occurredAt()).toString());
                    m.put("realm_id", r.realmId());
                    m.put("kind", r.kind());
                    m.put("type", r.type());
                    m.put("outcome", r.outcome());
                    m.put("user_id", r.userId());
                    m.put("target_user_id", r.targetUserId());
                    m.put("client_id", r.clientId());
                    m.put("session_id", r.sessionId());
                    m.put("ip_address", r.ipAddress());
                    m.put("error", r.error());
                    m.put("resource_type", r.resourceType());
                    m.put("resource_path", r.resourcePath());
                    m.put("transaction_id", r.transactionId());
                    m.put("details", r.details());
                    m.put("chain_id", row.chainId());
                    m.put("chain_seq", row.chainSeq());
                    m.put("prev_hash", row.prevHash());
                    m.put("hash", row.hash());
                    m.put("hash_version", row.hashVersion());
                    m.put("key_id", row.keyId());
                    out.add(m);
                }
            }
        }
        return out;
    }

    static ChainVerifier.StoredRow row(ResultSet rs) throws SQLException {
        AuditRecord r = new AuditRecord(rs.getString("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant().toEpochMilli(),
                rs.getString("realm_id"), rs.getString("kind"), rs.getString("type"), rs.getString("outcome"),
                rs.getString("user_id"), rs.getString("target_user_id"), rs.getString("client_id"),
                rs.getString("session_id"), rs.getString("ip_address"), rs.getString("error"),
                rs.getString("resource_type"), rs.getString("resource_path"), rs.getString("transaction_id"),
                RecordCodec.detailsFromJson(rs.getString("details")));
        return new ChainVerifier.StoredRow(r, rs.getString("chain_id"), rs.getLong("chain_seq"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_version"), rs.getString("key_id"));
    }
}
