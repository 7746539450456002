package dev.txauth.webhooks;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keeps endpoint signing secrets out of a database dump (docs/webhooks.md "Secrets"): each is stored AES-256-GCM
 * encrypted under a key read from a file on the Keycloak nodes, never from the database, with the endpoint's id and
 * realm as associated data so a sealed secret copied onto another endpoint row does not open. The stored form names
 * the key by an id derived from it, so a rotation can tell old rows from new.
 */
public final class SecretSealer {

    public static final int MIN_KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    /** @param keyMaterial the key file's bytes (at least 32); hashed to the AES-256 key */
    public SecretSealer(byte[] keyMaterial) {
        if (keyMaterial.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("txauth-webhooks: the secret key must have at least " + MIN_KEY_BYTES
                    + " bytes");
        }
        byte[] aes = sha256("txauth-webhooks secret key".getBytes(StandardCharsets.UTF_8), keyMaterial);
        this.key = new SecretKeySpec(aes, "AES");
        this.keyId = HexFormat.of().formatHex(sha256("txauth-webhooks key id".getBytes(StandardCharsets.UTF_8),
                aes)).substring(0, 16);
    }

    public String keyId() {
        return keyId;
    }

    /** {@code v1:<key id>:<base64 iv || ciphertext || tag>}. */
    public String seal(String secret, String endpointId, String realmId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ct = crypt(Cipher.ENCRYPT_MODE, iv, aad(endpointId, realmId), secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + ct.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(ct, 0, out, iv.length, ct.length);
        return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String sealed, String endpointId, String realmId) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("txauth-webhooks: a stored secret is not in the v1 sealed form");
        }
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("txauth-webhooks: a stored secret was sealed with key " + parts[1]
                    + ", this node holds key " + keyId + " (secret-key-file must be the same on every node)");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
        byte[] ct = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
        return new String(crypt(Cipher.DECRYPT_MODE, iv, aad(endpointId, realmId), ct), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] aad, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("txauth-webhooks: a stored secret does not open with this node's key"
                    + " (edited row, or another endpoint's secret)", e);
        }
    }

    private static byte[] aad(String endpointId, String realmId) {
        return (realmId + "/" + endpointId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] label, byte[] data) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(label);
            d.update(data);
            return d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
