package dev.txauth.authenticators.confirm.passkey;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransactionChallengeTest {

    private static final byte[] NONCE = {0x00, 0x01, (byte) 0xff};

    @Test
    void isSha256OfUtf8DetailFollowedByNonce() {
        // Expected value computed outside Java: printf '{"amount":"1.00"}\x00\x01\xff' | sha256sum
        byte[] challenge = TransactionChallenge.compute("{\"amount\":\"1.00\"}", NONCE);
        assertEquals("v_W5dxgKBycOE-w7hHq24QgY_JP72nccJb7McJmHlm0",
                Base64.getUrlEncoder().withoutPadding().encodeToString(challenge));
    }

    @Test
    void changesWithAmountPayeeOrNonce() {
        byte[] base = TransactionChallenge.compute("{\"amount\":\"50000.00\",\"creditorName\":\"Ada Obi\"}", NONCE);
        assertFalse(java.util.Arrays.equals(base,
                TransactionChallenge.compute("{\"amount\":\"50000.01\",\"creditorName\":\"Ada Obi\"}", NONCE)));
        assertFalse(java.util.Arrays.equals(base,
                TransactionChallenge.compute("{\"amount\":\"50000.00\",\"creditorName\":\"Ada Obj\"}", NONCE)));
        assertFalse(java.util.Arrays.equals(base,
                TransactionChallenge.compute("{\"amount\":\"50000.00\",\"creditorName\":\"Ada Obi\"}",
                        new byte[]{0x00, 0x01, (byte) 0xfe})));
    }

    @Test
    void encodesNonAsciiAsUtf8() {
        byte[] expected = TestAuthenticator.sha256(concat("{\"n\":\"Adé\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), NONCE));
        assertArrayEquals(expected, TransactionChallenge.compute("{\"n\":\"Adé\"}", NONCE));
    }

    @Test
    void refusesEmptyOrMissingNonce() {
        assertThrows(IllegalArgumentException.class, () -> TransactionChallenge.compute("{}", new byte[0]));
        assertThrows(NullPointerException.class, () -> TransactionChallenge.compute("{}", null));
        assertThrows(NullPointerException.class, () -> TransactionChallenge.compute(null, NONCE));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
