package dev.txauth.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerifierTest {

    private static AuditRecord record(int i, String ip) {
        return new AuditRecord("00000000-0000-0000-0000-00000000000" + i, 1_700_000_000_000L + i, "realm-1",
                AuditRecord.USER, "LOGIN", AuditRecord.SUCCESS, "user-" + i, null, "mobile-app", "s" + i, ip, null,
                "USER", "users/user-" + i, null, Map.of("username", "u" + i));
    }

    private static List<ChainVerifier.StoredRow> chain(int n) {
        List<ChainVerifier.StoredRow> rows = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = record(i, "10.0.0." + i);
            String hash = HashChain.hash(prev, r, "node-a", i);
            rows.add(new ChainVerifier.StoredRow(r, "node-a", i, prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static ChainVerifier verify(List<ChainVerifier.StoredRow> rows) {
        ChainVerifier v = new ChainVerifier("node-a", 0, HashChain.GENESIS);
        rows.forEach(v::accept);
        return v;
    }

    @Test
    void acceptsAnIntactChain() {
        ChainVerifier v = verify(chain(5));
        assertTrue(v.valid());
        assertEquals(5, v.checked());
        assertEquals(chain(5).get(4).hash(), v.head());
    }

    @Test
    void namesTheEditedRow() {
        List<ChainVerifier.StoredRow> rows = chain(5);
        ChainVerifier.StoredRow third = rows.get(2);
        rows.set(2, new ChainVerifier.StoredRow(record(3, "6.6.6.6"), "node-a", 3, third.prevHash(), third.hash()));
        ChainVerifier v = verify(rows);
        assertFalse(v.valid());
        assertEquals(third.record().eventId(), v.firstInvalidEventId());
        assertEquals(2, v.checked());
    }

    @Test
    void namesTheSuccessorOfADeletedRow() {
        List<ChainVerifier.StoredRow> rows = chain(5);
        rows.remove(1);
        assertEquals(rows.get(1).record().eventId(), verify(rows).firstInvalidEventId());
    }

    @Test
    void namesTheFirstOfTwoSwappedRows() {
        List<ChainVerifier.StoredRow> rows = chain(5);
        ChainVerifier.StoredRow a = rows.get(1);
        ChainVerifier.StoredRow b = rows.get(3);
        // swap their positions (what exchanging chain_seq in the table does)
        rows.set(1, new ChainVerifier.StoredRow(b.record(), "node-a", 2, b.prevHash(), b.hash()));
        rows.set(3, new ChainVerifier.StoredRow(a.record(), "node-a", 4, a.prevHash(), a.hash()));
        assertEquals(b.record().eventId(), verify(rows).firstInvalidEventId());
    }

    @Test
    void startsFromTheRetentionAnchor() {
        List<ChainVerifier.StoredRow> rows = chain(5);
        ChainVerifier v = new ChainVerifier("node-a", 2, rows.get(1).hash());
        rows.subList(2, 5).forEach(v::accept);
        assertTrue(v.valid());
        ChainVerifier fromGenesis = new ChainVerifier("node-a", 0, HashChain.GENESIS);
        rows.subList(2, 5).forEach(fromGenesis::accept);
        assertFalse(fromGenesis.valid(), "a pruned prefix without its anchor must not verify");
    }

    @Test
    void canonicalFormCannotBeForgedByDelimitersInValues() {
        AuditRecord a = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", "u\nclient_id:1:x", null, null,
                null, null, null, null, null, null, Map.of());
        AuditRecord b = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", "u", null, "x", null, null, null,
                null, null, null, Map.of());
        assertNotEquals(CanonicalRow.of(a, "c", 1, HashChain.KEYED), CanonicalRow.of(b, "c", 1, HashChain.KEYED));
        assertNotEquals(HashChain.hash(HashChain.GENESIS, a, "c", 1), HashChain.hash(HashChain.GENESIS, a, "c", 2));
        AuditRecord nullUser = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", null, null, null, null, null,
                null, null, null, null, Map.of());
        AuditRecord dashUser = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", "-", null, null, null, null,
                null, null, null, null, Map.of());
        assertNotEquals(CanonicalRow.of(nullUser, "c", 1, HashChain.KEYED), CanonicalRow.of(dashUser, "c", 1, HashChain.KEYED));
    }

    @Test
    void hashIsStableAcrossDetailOrder() {
        AuditRecord a = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", null, null, null, null, null, null,
                null, null, null, Map.of("b", "2", "a", "1"));
        AuditRecord b = new AuditRecord("id", 1, "r", "USER", "LOGIN", "SUCCESS", null, null, null, null, null, null,
                null, null, null, new java.util.LinkedHashMap<>(Map.of("a", "1", "b", "2")));
        assertEquals(HashChain.hash(HashChain.GENESIS, a, "c", 1), HashChain.hash(HashChain.GENESIS, b, "c", 1));
        assertEquals(64, HashChain.GENESIS.length());
        assertNull(new ChainVerifier("c", 0, HashChain.GENESIS).firstInvalidEventId());
    }
}
