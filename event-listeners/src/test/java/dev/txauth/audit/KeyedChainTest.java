package dev.txauth.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyed chain (hash scheme 2) and its check against signed checkpoints. */
class KeyedChainTest {

    static final AuditKey KEY = AuditKey.of("a".repeat(32).getBytes(StandardCharsets.UTF_8));
    static final AuditKey OTHER = AuditKey.of("b".repeat(32).getBytes(StandardCharsets.UTF_8));
    static final AuditKeys KEYS = new AuditKeys(KEY, List.of(), false);

    private static AuditRecord record(int i) {
        return new AuditRecord("00000000-0000-0000-0000-0000000000" + (10 + i), 1_700_000_000_000L + i, "realm-1",
                AuditRecord.USER, "LOGIN", AuditRecord.SUCCESS, "user-" + i, null, "mobile-app", "s" + i,
                "10.0.0." + i, null, "USER", "users/user-" + i, null, Map.of());
    }

    /** Rows 1..n; each row from {@code legacyUpTo + 1} on is keyed with {@code key}. */
    private static List<ChainVerifier.StoredRow> chain(int n, int legacyUpTo, AuditKey key) {
        List<ChainVerifier.StoredRow> rows = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            boolean legacy = i <= legacyUpTo;
            String hash = legacy ? HashChain.hash(prev, record(i), "c", i) : HashChain.hash(key, prev, record(i), "c", i);
            rows.add(new ChainVerifier.StoredRow(record(i), "c", i, prev, hash,
                    legacy ? HashChain.LEGACY : HashChain.KEYED, legacy ? null : key.id()));
            prev = hash;
        }
        return rows;
    }

    private static ChainVerifier walk(List<ChainVerifier.StoredRow> rows, Map<Long, Set<String>> checkpoints) {
        ChainVerifier v = new ChainVerifier("c", 0, HashChain.GENESIS, KEYS, checkpoints);
        for (ChainVerifier.StoredRow r : rows) {
            if (!v.accept(r)) {
                return v;
            }
        }
        v.finish();
        return v;
    }

    private static Map<Long, Set<String>> checkpointAt(List<ChainVerifier.StoredRow> rows, int seq) {
        Map<Long, Set<String>> m = new HashMap<>();
        m.put((long) seq, Set.of(rows.get(seq - 1).hash()));
        return m;
    }

    @Test
    void keyedHashDependsOnTheKeyAndDiffersFromTheUnkeyedOne() {
        AuditRecord r = record(1);
        assertNotEquals(HashChain.hash(KEY, HashChain.GENESIS, r, "c", 1), HashChain.hash(OTHER, HashChain.GENESIS, r,
                "c", 1));
        assertNotEquals(HashChain.hash(KEY, HashChain.GENESIS, r, "c", 1), HashChain.hash(HashChain.GENESIS, r, "c", 1));
        assertEquals(64, HashChain.hash(KEY, HashChain.GENESIS, r, "c", 1).length());
        assertNotEquals(KEY.id(), OTHER.id());
        assertFalse(KEY.toString().contains("aaaa"), "the key never appears in a log line");
    }

    @Test
    void acceptsLegacyRowsFollowedByKeyedRows() {
        ChainVerifier v = walk(chain(6, 3, KEY), Map.of());
        assertTrue(v.valid(), String.valueOf(v.reason()));
        assertEquals(6, v.checked());
    }

    @Test
    void refusesAChainRecomputedWithAnotherKeyOrWithPlainSha256() {
        List<ChainVerifier.StoredRow> wrongKey = chain(4, 0, OTHER);
        List<ChainVerifier.StoredRow> relabelled = new ArrayList<>();
        for (ChainVerifier.StoredRow r : wrongKey) {
            // the forger claims the real key's id
            relabelled.add(new ChainVerifier.StoredRow(r.record(), r.chainId(), r.chainSeq(), r.prevHash(), r.hash(),
                    HashChain.KEYED, KEY.id()));
        }
        ChainVerifier v = walk(relabelled, Map.of());
        assertEquals(ChainVerifier.Reason.HASH_MISMATCH, v.reason());
        assertEquals(record(1).eventId(), v.firstInvalidEventId());
        assertEquals(ChainVerifier.Reason.UNKNOWN_KEY, walk(wrongKey, Map.of()).reason());

        List<ChainVerifier.StoredRow> keyed = chain(4, 0, KEY);
        List<ChainVerifier.StoredRow> downgraded = new ArrayList<>(keyed.subList(0, 2));
        downgraded.addAll(chain(4, 4, KEY).subList(2, 4));
        // rows 3-4 rewritten as an unkeyed chain: their prev_hash does not even follow row 2
        assertFalse(walk(downgraded, Map.of()).valid());
        String prev = keyed.get(1).hash();
        List<ChainVerifier.StoredRow> recomputed = new ArrayList<>(keyed.subList(0, 2));
        for (int i = 3; i <= 4; i++) {
            String h = HashChain.hash(prev, record(i), "c", i);
            recomputed.add(new ChainVerifier.StoredRow(record(i), "c", i, prev, h));
            prev = h;
        }
        ChainVerifier d = walk(recomputed, Map.of());
        assertEquals(ChainVerifier.Reason.DOWNGRADE, d.reason());
        assertEquals(record(3).eventId(), d.firstInvalidEventId());
    }

    @Test
    void reportsTheHeadCutOffAfterTheNewestCheckpoint() {
        List<ChainVerifier.StoredRow> rows = chain(6, 0, KEY);
        Map<Long, Set<String>> cp = checkpointAt(rows, 6);
        assertTrue(walk(rows, cp).valid());
        ChainVerifier v = walk(rows.subList(0, 3), cp);
        assertEquals(ChainVerifier.Reason.TRUNCATED, v.reason());
        assertEquals(record(3).eventId(), v.firstInvalidEventId(), "the newest row still present");
    }

    @Test
    void reportsARowThatDiffersFromItsCheckpointEvenWhenTheChainItselfIsConsistent() {
        List<ChainVerifier.StoredRow> rows = chain(6, 0, KEY);
        Map<Long, Set<String>> cp = checkpointAt(rows, 4);
        // the writer continued after the newest 3 rows were deleted: rows 4.. are new, internally consistent
        List<ChainVerifier.StoredRow> continued = new ArrayList<>(rows.subList(0, 3));
        AuditRecord other = new AuditRecord("00000000-0000-0000-0000-000000000099", 1L, "realm-1", AuditRecord.USER,
                "LOGOUT", AuditRecord.SUCCESS, null, null, null, null, null, null, null, null, null, Map.of());
        String prev = rows.get(2).hash();
        continued.add(new ChainVerifier.StoredRow(other, "c", 4, prev, HashChain.hash(KEY, prev, other, "c", 4),
                HashChain.KEYED, KEY.id()));
        ChainVerifier v = walk(continued, cp);
        assertEquals(ChainVerifier.Reason.CHECKPOINT_MISMATCH, v.reason());
        assertEquals(other.eventId(), v.firstInvalidEventId());
    }

    @Test
    void reportsAChainDeletedWithItsAnchor() {
        List<ChainVerifier.StoredRow> rows = chain(3, 0, KEY);
        ChainVerifier v = walk(List.of(), checkpointAt(rows, 3));
        assertEquals(ChainVerifier.Reason.CHAIN_MISSING, v.reason());
        assertNull(v.firstInvalidEventId());
        assertEquals("chain_missing", v.reason().code());
    }
}
