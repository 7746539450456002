package dev.txauth.authenticators.confirm.passkey;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssertionInputTest {

    private static Map<String, String> complete() {
        Map<String, String> form = new HashMap<>();
        form.put("credentialId", "AQID");
        form.put("clientDataJSON", "e30");
        form.put("authenticatorData", "BAUG");
        form.put("signature", "-_8");
        form.put("userHandle", "dXNlcg");
        return form;
    }

    @Test
    void decodesBase64urlFields() {
        AssertionInput input = AssertionInput.fromForm(complete()::get).orElseThrow();
        assertArrayEquals(new byte[]{1, 2, 3}, input.credentialId());
        assertArrayEquals("{}".getBytes(), input.clientDataJSON());
        assertArrayEquals(new byte[]{(byte) 0xfb, (byte) 0xff}, input.signature());
        assertArrayEquals("user".getBytes(), input.userHandle());
    }

    @Test
    void toleratesPaddingAndMissingUserHandle() {
        Map<String, String> form = complete();
        form.put("clientDataJSON", "e30=");
        form.put("userHandle", "");
        AssertionInput input = AssertionInput.fromForm(form::get).orElseThrow();
        assertArrayEquals("{}".getBytes(), input.clientDataJSON());
        assertNull(input.userHandle());
    }

    @Test
    void refusesEachMissingRequiredField() {
        for (String field : new String[]{"credentialId", "clientDataJSON", "authenticatorData", "signature"}) {
            Map<String, String> form = complete();
            form.remove(field);
            assertTrue(AssertionInput.fromForm(form::get).isEmpty(), field);
            form.put(field, "");
            assertTrue(AssertionInput.fromForm(form::get).isEmpty(), field);
        }
    }

    @Test
    void refusesStandardBase64AndGarbage() {
        Map<String, String> form = complete();
        form.put("signature", "+/8=");
        assertTrue(AssertionInput.fromForm(form::get).isEmpty());
        form = complete();
        form.put("authenticatorData", "not base64!");
        assertTrue(AssertionInput.fromForm(form::get).isEmpty());
        form = complete();
        form.put("userHandle", "%%%");
        assertTrue(AssertionInput.fromForm(form::get).isEmpty());
    }

    @Test
    void refusesOversizedField() {
        Map<String, String> form = complete();
        form.put("clientDataJSON", "A".repeat(AssertionInput.MAX_FIELD_CHARS + 4));
        assertTrue(AssertionInput.fromForm(form::get).isEmpty());
    }

    @Test
    void tellsWhetherAnAssertionWasSubmitted() {
        assertTrue(AssertionInput.isSubmitted(complete()::get));
        assertFalse(AssertionInput.isSubmitted(Map.of("otp", "123456")::get));
        assertFalse(AssertionInput.isSubmitted(Map.of("credentialId", "")::get));
    }
}
