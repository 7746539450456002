package dev.txauth.authenticators.confirm.passkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The WebAuthn challenge of a transaction confirmation: SHA-256(UTF-8 bytes of the RFC 8785 canonical detail ‖ nonce).
 * <p>
 * The authenticator signs this challenge (inside clientDataJSON), so an assertion proves the user approved exactly
 * this detail: any change of amount, currency or payee yields another challenge and the signature no longer verifies
 * ("dynamic linking", PSD2 RTS Art. 5). The server nonce makes each challenge unique even for two identical payments.
 */
public final class TransactionChallenge {

    private TransactionChallenge() {
    }

    public static byte[] compute(String canonicalDetailJson, byte[] nonce) {
        Objects.requireNonNull(canonicalDetailJson, "canonicalDetailJson");
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length == 0) {
            // An empty nonce would make the challenge predictable from the detail alone, enabling pre-computed assertions.
            throw new IllegalArgumentException("nonce must not be empty");
        }
        MessageDigest sha256 = sha256();
        sha256.update(canonicalDetailJson.getBytes(StandardCharsets.UTF_8));
        sha256.update(nonce);
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
