package dev.txauth.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    @Test
    void dropsSecretsByKeyAndKeepsIdentifiers() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("password", "hunter2");
        in.put("new_password", "hunter3");
        in.put("otp", "123456");
        in.put("code", "abc.def.ghi");
        in.put("refresh_token", "opaque");
        in.put("client_secret", "s3cr3t");
        in.put("clientDataJSON", "e30");
        in.put("signature", "sig");
        in.put("token_id", "9a1b");
        in.put("code_id", "c1");
        in.put("grant_type", "refresh_token");
        in.put("username", "ada");
        in.put("txauth_event", "transaction_approved");
        Map<String, String> out = Redactor.details(in);
        for (String secret : new String[] {"password", "new_password", "otp", "code", "refresh_token",
                "client_secret", "clientDataJSON", "signature"}) {
            assertEquals(Redactor.REDACTED, out.get(secret), secret);
        }
        assertEquals("9a1b", out.get("token_id"));
        assertEquals("c1", out.get("code_id"));
        assertEquals("refresh_token", out.get("grant_type"));
        assertEquals("ada", out.get("username"));
        assertEquals("transaction_approved", out.get("txauth_event"));
    }

    @Test
    void blanksTokensAndMasksAccountNumbersInsideValues() {
        assertEquals("Bearer " + Redactor.REDACTED, Redactor.value("Bearer " + JWT));
        assertEquals("to ******6789 at 058", Redactor.value("to 0123456789 at 058"));
        assertEquals("iban ******************3000", Redactor.value("iban GB82WEST12345698763000"));
        assertEquals("card ************1111", Redactor.value("card 4111111111111111"));
        String uuid = "12345678-1234-1234-1234-123456789012";
        assertEquals(uuid, Redactor.value(uuid), "ids are not account numbers");
        assertEquals("1234567", Redactor.value("1234567"), "short numbers stay");
    }

    @Test
    void keepsUserTextExactlyExceptNul() {
        String nasty = "o'brien\"; DROP TABLE x; --\r\nLOGIN ok user=admin\t" + "x".repeat(10 * 1024);
        assertEquals(nasty, Redactor.value(nasty));
        assertEquals("a\uFFFDb", Redactor.clean("a\0b"));
        assertEquals(Redactor.MAX_VALUE_LENGTH, Redactor.clean("y".repeat(Redactor.MAX_VALUE_LENGTH + 5)).length());
    }

    @Test
    void redactsRepresentationsRecursively() {
        String rep = "{\"username\":\"ada\",\"credentials\":[{\"type\":\"password\",\"value\":\"hunter2\"}],"
                + "\"attributes\":{\"iban\":[\"GB82WEST12345698763000\"]},\"secret\":\"x\"}";
        String out = Redactor.representation(rep);
        assertFalse(out.contains("hunter2"), out);
        assertFalse(out.contains("GB82WEST12345698763000"), out);
        assertTrue(out.contains("3000"), out);
        assertTrue(out.contains("\"username\":\"ada\""), out);
        assertEquals(Redactor.REDACTED, Redactor.representation("not json"));
    }

    @Test
    void logSafeIdsCannotForgeLines() {
        assertEquals("abc??forged", LogSafe.id("abc\r\nforged"));
        assertEquals("-", LogSafe.id(null));
        assertEquals(64, LogSafe.id("a".repeat(100)).length());
    }
}
