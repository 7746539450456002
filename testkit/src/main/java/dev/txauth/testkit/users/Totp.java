package dev.txauth.testkit.users;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An RFC 6238 authenticator app for tests (HmacSHA1, 6 digits, 30 s), written independently of the server's
 * implementation so the two check each other. Keycloak uses the UTF-8 bytes of the stored secret as the HMAC key.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;

    /** Codes handed out per secret: the server accepts each code once, so a test must never offer one twice. */
    private static final Map<String, Set<String>> SPENT = new ConcurrentHashMap<>();

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

    /**
     * A code the server accepts now (its look-around window is one step) that no earlier call handed out for this
     * secret, trying the time offsets in order (e.g. 0, +30, -30 seconds). Lets one user log in, step up and confirm
     * several times within one 30-second step without replaying a single-use code.
     */
    public static String unspentCode(String secret, int... offsetSeconds) {
        freshCode(secret, 4);
        Set<String> spent = SPENT.computeIfAbsent(secret, s -> ConcurrentHashMap.newKeySet());
        Instant now = Instant.now();
        for (int offset : offsetSeconds) {
            String code = code(secret, now.plusSeconds(offset));
            if (spent.add(code)) {
                return code;
            }
        }
        throw new IllegalStateException("Every code of the current window is spent; a test used too many");
    }
}
