package dev.txauth.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The secret that makes the audit chain, the checkpoints and the spool lines unforgeable by whoever can write the
 * database: HMAC-SHA256 with a key that lives only on the Keycloak nodes (docs/audit.md, "Key handling"). The id is
 * derived from the key, so rows and checkpoints can name the key they were made with without revealing it.
 */
public final class AuditKey {

    /** Shortest accepted key: 32 bytes, the HMAC-SHA256 block of security it is meant to carry. */
    public static final int MIN_BYTES = 32;

    private final SecretKeySpec spec;
    /** One initialised Mac per thread: looking the algorithm up and keying it again cost more than the HMAC. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final String id;

    private AuditKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("txauth-audit: the audit key must have at least " + MIN_BYTES
                    + " bytes");
        }
        this.spec = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.id = mac("txauth-audit key id").substring(0, 16);
    }

    public static AuditKey of(byte[] secret) {
        return new AuditKey(secret);
    }

    /** A key file's content: surrounding whitespace (an editor's newline) is not part of the key. */
    public static AuditKey ofText(String text) {
        return new AuditKey(text.strip().getBytes(StandardCharsets.UTF_8));
    }

    public String id() {
        return id;
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 bytes of {@code data}. */
    public String mac(String data) {
        // doFinal resets the Mac to its key, ready for the next call on this thread.
        return HexFormat.of().formatHex(macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }

    /** Constant-time comparison, so a forger learns nothing from how fast a guess is refused. */
    public boolean verifies(String data, String mac) {
        return mac != null && MessageDigest.isEqual(mac(data).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }
}
