package dev.txauth.authenticators.confirm.code;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSecretsTest {

    @Test
    void codesHaveTheConfiguredDigitsAndVary() {
        Set<String> seen = new HashSet<>();
        int[] firstDigit = new int[10];
        for (int i = 0; i < 2000; i++) {
            String code = CodeSecrets.newCode(6);
            assertTrue(code.matches("[0-9]{6}"), code);
            seen.add(code);
            firstDigit[code.charAt(0) - '0']++;
        }
        assertTrue(seen.size() > 1990, "random codes rarely repeat: " + seen.size());
        for (int count : firstDigit) {
            assertTrue(count > 100, "leading zeros and every digit occur");
        }
        assertEquals(8, CodeSecrets.newCode(8).length());
    }

    @Test
    void hashIsBoundToTheTransactionNonceAndTheChannel() {
        String a = CodeSecrets.codeHash("nonce-a", CodeChannel.SMS, "482913");
        assertEquals(a, CodeSecrets.codeHash("nonce-a", CodeChannel.SMS, "482913"));
        assertNotEquals(a, CodeSecrets.codeHash("nonce-b", CodeChannel.SMS, "482913"));
        assertNotEquals(a, CodeSecrets.codeHash("nonce-a", CodeChannel.EMAIL, "482913"));
        assertNotEquals(a, CodeSecrets.codeHash("nonce-a", CodeChannel.SMS, "482914"));
        assertFalse(a.contains("482913"));
        assertEquals(64, a.length());
    }

    @Test
    void onlyDigitsOfTheConfiguredLengthAreWellFormed() {
        assertTrue(CodeSecrets.wellFormed("012345", 6));
        assertFalse(CodeSecrets.wellFormed("12345", 6));
        assertFalse(CodeSecrets.wellFormed("1234567", 6));
        assertFalse(CodeSecrets.wellFormed("12345a", 6));
        assertFalse(CodeSecrets.wellFormed("١٢٣٤٥٦", 6), "non-ASCII digits");
        assertFalse(CodeSecrets.wellFormed(null, 6));
    }
}
