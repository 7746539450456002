package dev.txauth.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A row's hash, by scheme version (column {@code hash_version}). Version 2 (every row written since the keyed chain):
 * {@code HMAC-SHA256(key, prev_hash ‖ "\n" ‖ canonical row)}; without the key nobody can recompute it, so rewriting
 * rows and every hash after them is detected. Version 1 (rows written before): {@code SHA-256(prev_hash ‖ "\n" ‖
 * canonical row)}, still verifiable but recomputable by anyone; the verifier refuses a version-1 row after a version-2
 * row of the same chain (a downgrade). The first row of a chain follows {@link #GENESIS}.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    public static final int LEGACY = 1;
    public static final int KEYED = 2;

    private HashChain() {
    }

    /** Version 1: unkeyed. */
    public static String next(String prevHash, String canonicalRow) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(chained(prevHash, canonicalRow).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** Version 1 hash of a record at a chain position. */
    public static String hash(String prevHash, AuditRecord record, String chainId, long chainSeq) {
        return next(prevHash, CanonicalRow.of(record, chainId, chainSeq, LEGACY));
    }

    /** Version 2 hash of a record at a chain position. */
    public static String hash(AuditKey key, String prevHash, AuditRecord record, String chainId, long chainSeq) {
        return key.mac(chained(prevHash, CanonicalRow.of(record, chainId, chainSeq, KEYED)));
    }

    private static String chained(String prevHash, String canonicalRow) {
        // prev_hash is hex (ASCII), so its UTF-8 bytes are the ASCII bytes version 1 always hashed.
        return prevHash + "\n" + canonicalRow;
    }
}
