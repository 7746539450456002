package dev.txauth.testkit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * An RFC 6238 authenticator app for tests (HmacSHA1, 6 digits, 30 s), written independently of the server's
 * implementation so the two check each other. Keycloak uses the UTF-8 bytes of the stored secret as the HMAC key.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;

    private Totp() {
    }

    public static String code(String secret, Instant at) {
        long counter = at.getEpochSecond() / PERIOD_SECONDS;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The current code, after waiting out the end of a time step if fewer than {@code marginSeconds} remain, so a test
     * never races the step boundary.
     */
    public static String freshCode(String secret, int marginSeconds) {
        long remaining = PERIOD_SECONDS - Instant.now().getEpochSecond() % PERIOD_SECONDS;
        if (remaining < marginSeconds) {
            try {
                Thread.sleep(remaining * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return code(secret, Instant.now());
    }
}
