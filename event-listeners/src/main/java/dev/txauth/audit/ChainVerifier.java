package dev.txauth.audit;

/**
 * Walks one chain in sequence order and stops at the first row that does not follow from its predecessor: an edited
 * field (its hash no longer matches), a deleted row (a gap in the sequence, or a successor whose {@code prev_hash}
 * names a row that is gone) or rows swapped (both checks fail at the first moved row). Pure logic; the store feeds it
 * rows from a single read-only snapshot.
 */
public final class ChainVerifier {

    /** A row as stored: the record, its place in the chain, and the two hashes. */
    public record StoredRow(AuditRecord record, String chainId, long chainSeq, String prevHash, String hash) {
    }

    private final String chainId;
    private String expectedPrev;
    private long expectedSeq;
    private long checked;
    private String firstInvalidEventId;

    /**
     * @param anchorSeq  sequence of the last row removed by retention (0 if none)
     * @param anchorHash hash of that row ({@link HashChain#GENESIS} if none)
     */
    public ChainVerifier(String chainId, long anchorSeq, String anchorHash) {
        this.chainId = chainId;
        this.expectedSeq = anchorSeq + 1;
        this.expectedPrev = anchorHash;
    }

    /** @return false once a bad row was seen (later rows are not looked at) */
    public boolean accept(StoredRow row) {
        if (firstInvalidEventId != null) {
            return false;
        }
        String recomputed = HashChain.hash(expectedPrev, row.record(), chainId, row.chainSeq());
        boolean ok = chainId.equals(row.chainId())
                && row.chainSeq() == expectedSeq
                && expectedPrev.equals(row.prevHash())
                && recomputed.equals(row.hash());
        if (!ok) {
            firstInvalidEventId = row.record().eventId();
            return false;
        }
        checked++;
        expectedSeq++;
        expectedPrev = row.hash();
        return true;
    }

    public long checked() {
        return checked;
    }

    public boolean valid() {
        return firstInvalidEventId == null;
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
