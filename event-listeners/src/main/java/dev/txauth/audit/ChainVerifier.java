package dev.txauth.audit;

import java.util.Map;
import java.util.Set;

/**
 * Walks one chain in sequence order and stops at the first row that does not follow from its predecessor: an edited
 * field (its hash no longer matches), a deleted row (a gap in the sequence, or a successor whose {@code prev_hash}
 * names a row that is gone), rows swapped (both checks fail at the first moved row), a chain recomputed without the
 * audit key (the keyed hash does not match), or a row taken back to the unkeyed scheme. Then {@link #finish()} holds
 * the chain against the signed checkpoints published outside the database: a checkpointed position whose row has
 * another hash, rows missing after the newest checkpoint (the head cut off), or a whole chain gone with its anchor.
 * Pure logic; the store feeds it rows from a single read-only snapshot.
 */
public final class ChainVerifier {

    /** Why a chain is invalid: the {@code reason} of {@code /verify} (docs/audit.md, "Verification"). */
    public enum Reason {
        WRONG_CHAIN, SEQUENCE_GAP, PREV_HASH_MISMATCH, DOWNGRADE, UNKNOWN_KEY, HASH_MISMATCH, CHECKPOINT_MISMATCH,
        TRUNCATED, CHAIN_MISSING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row as stored: the record, its place in the chain, the two hashes, the hash scheme and key id. */
    public record StoredRow(AuditRecord record, String chainId, long chainSeq, String prevHash, String hash,
                            int hashVersion, String keyId) {

        /** A row of the unkeyed scheme (version 1, no key). */
        public StoredRow(AuditRecord record, String chainId, long chainSeq, String prevHash, String hash) {
            this(record, chainId, chainSeq, prevHash, hash, HashChain.LEGACY, null);
        }
    }

    private final String chainId;
    private final AuditKeys keys;
    private final Map<Long, Set<String>> checkpoints;
    private final long anchorSeq;
    private String expectedPrev;
    private long expectedSeq;
    private long checked;
    private boolean keyedSeen;
    private String lastEventId;
    private String firstInvalidEventId;
    private Reason reason;

    /**
     * @param anchorSeq   sequence of the last row removed by retention (0 if none)
     * @param anchorHash  hash of that row ({@link HashChain#GENESIS} if none)
     * @param keys        the audit keys this node holds (null: only unkeyed rows can verify)
     * @param checkpoints this chain's signed checkpoints: sequence → the head hash(es) published for it
     */
    public ChainVerifier(String chainId, long anchorSeq, String anchorHash, AuditKeys keys,
                         Map<Long, Set<String>> checkpoints) {
        this.chainId = chainId;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.anchorSeq = anchorSeq;
        this.expectedSeq = anchorSeq + 1;
        this.expectedPrev = anchorHash;
    }

    public ChainVerifier(String chainId, long anchorSeq, String anchorHash) {
        this(chainId, anchorSeq, anchorHash, null, Map.of());
    }

    /** @return false once a bad row was seen (later rows are not looked at) */
    public boolean accept(StoredRow row) {
        if (reason != null) {
            return false;
        }
        Reason bad = check(row);
        if (bad != null) {
            reason = bad;
            firstInvalidEventId = row.record().eventId();
            return false;
        }
        keyedSeen |= row.hashVersion() == HashChain.KEYED;
        checked++;
        expectedSeq++;
        expectedPrev = row.hash();
        lastEventId = row.record().eventId();
        return true;
    }

    private Reason check(StoredRow row) {
        if (!chainId.equals(row.chainId())) {
            return Reason.WRONG_CHAIN;
        }
        if (row.chainSeq() != expectedSeq) {
            return Reason.SEQUENCE_GAP;
        }
        if (!expectedPrev.equals(row.prevHash())) {
            return Reason.PREV_HASH_MISMATCH;
        }
        String recomputed;
        if (row.hashVersion() == HashChain.KEYED) {
            AuditKey key = keys == null ? null : keys.byId(row.keyId());
            if (key == null) {
                return Reason.UNKNOWN_KEY;
            }
            recomputed = HashChain.hash(key, expectedPrev, row.record(), chainId, row.chainSeq());
        } else if (row.hashVersion() == HashChain.LEGACY && !keyedSeen) {
            recomputed = HashChain.hash(expectedPrev, row.record(), chainId, row.chainSeq());
        } else {
            return Reason.DOWNGRADE;
        }
        if (!recomputed.equals(row.hash())) {
            return Reason.HASH_MISMATCH;
        }
        Set<String> published = checkpoints.get(row.chainSeq());
        if (published != null && (published.size() > 1 || !published.contains(row.hash()))) {
            return Reason.CHECKPOINT_MISMATCH;
        }
        return null;
    }

    /**
     * Holds what was read against the checkpoints; call once after the last row.
     *
     * @return false if the chain is shorter than a checkpoint says or is gone (then {@link #reason()} says which)
     */
    public boolean finish() {
        if (reason != null) {
            return false;
        }
        long newest = checkpoints.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (newest > headSeq()) {
            reason = checked == 0 && anchorSeq == 0 ? Reason.CHAIN_MISSING : Reason.TRUNCATED;
            // The newest row still present: everything after it is missing.
            firstInvalidEventId = lastEventId;
            return false;
        }
        Set<String> atAnchor = checkpoints.get(anchorSeq);
        if (checked == 0 && anchorSeq > 0 && atAnchor != null && !atAnchor.contains(expectedPrev)) {
            reason = Reason.CHECKPOINT_MISMATCH;
            return false;
        }
        return true;
    }

    public long checked() {
        return checked;
    }

    public boolean valid() {
        return reason == null;
    }

    public Reason reason() {
        return reason;
    }

    public String firstInvalidEventId() {
        return firstInvalidEventId;
    }

    /** Hash of the last verified row: the chain head to compare with a copy shipped elsewhere. */
    public String head() {
        return expectedPrev;
    }

    public long headSeq() {
        return expectedSeq - 1;
    }
}
