package dev.txauth.devices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTokenTest {

    @Test
    void tokensCarry256RandomBitsAndAreWellFormed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = DeviceToken.generate();
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(DeviceToken.isWellFormed(token), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void hashIsSha256HexAndNeverTheToken() {
        String token = DeviceToken.generate();
        String hash = DeviceToken.hash(token);
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, DeviceToken.hash(token));
        assertNotEquals(hash, DeviceToken.hash(DeviceToken.generate()));
        // SHA-256("") is a well-known vector: the hash is plain SHA-256 of the ASCII token
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DeviceToken.hash(""));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 42: truncated
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 44: padded/extended
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", "' or 1=1 --AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedValuesAreNotTokens(String value) {
        assertFalse(DeviceToken.isWellFormed(value));
    }
}
