package dev.txauth.authenticators.confirm.totp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpCodeTest {

    /** RFC 6238 appendix B: SHA1 key "12345678901234567890", T = 59 s gives 94287082 (8 digits). */
    @Test
    void matchesRfc6238Vector() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertTrue(TotpCode.matches(key, "HmacSHA1", 8, 30, 0, "94287082", Instant.ofEpochSecond(59)));
        assertFalse(TotpCode.matches(key, "HmacSHA1", 8, 30, 0, "94287083", Instant.ofEpochSecond(59)));
    }

    @Test
    void matchesRfc6238Sha256Vector() {
        byte[] key = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        assertTrue(TotpCode.matches(key, "HmacSHA256", 8, 30, 0, "46119246", Instant.ofEpochSecond(59)));
    }

    @Test
    void honoursSymmetricWindow() {
        byte[] key = "a-keycloak-style-raw".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String previous = reference(key, now.getEpochSecond() / 30 - 1);
        String next = reference(key, now.getEpochSecond() / 30 + 1);
        String twoAhead = reference(key, now.getEpochSecond() / 30 + 2);
        assertTrue(TotpCode.matches(key, "HmacSHA1", 6, 30, 1, previous, now));
        assertTrue(TotpCode.matches(key, "HmacSHA1", 6, 30, 1, next, now));
        assertFalse(TotpCode.matches(key, "HmacSHA1", 6, 30, 1, twoAhead, now));
        assertFalse(TotpCode.matches(key, "HmacSHA1", 6, 30, 0, next, now));
    }

    @Test
    void refusesWrongLength() {
        byte[] key = "k".repeat(20).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String code = reference(key, now.getEpochSecond() / 30);
        assertFalse(TotpCode.matches(key, "HmacSHA1", 6, 30, 1, code + "0", now));
    }

    @Test
    void encodesBase32() {
        assertArrayEquals("MZXW6YTBOI".getBytes(StandardCharsets.US_ASCII),
                TotpCode.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", new String(TotpCode.base32(new byte[0]), StandardCharsets.US_ASCII));
    }

    private static String reference(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
