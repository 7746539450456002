package dev.txauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortenedTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiYWNyIjoidHJhbnNhY3Rpb24ifQ."
            + "c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

    @Test
    void keepsTheEndsOfATokenOnly() {
        assertEquals("eyJhbGciOiJS…ZhdHVy".length(), Shortened.token(JWT).length());
        assertTrue(Shortened.token(JWT).startsWith("eyJhbGciOiJS…"));
        assertEquals("…", Shortened.token("short"));
    }

    @Test
    void shortensTokensAndHidesSecretsAnywhereInJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree("{\"access_token\":\"" + JWT + "\",\"token_type\":\"Bearer\","
                + "\"nested\":{\"client_secret\":\"hunter2-hunter2\",\"list\":[\"" + JWT + "\"]},\"n\":5}");
        String shown = Shortened.json(json).toString();
        assertFalse(shown.contains(JWT), shown);
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("\"token_type\":\"Bearer\"") && shown.contains("\"n\":5"), shown);
        assertTrue(json.toString().contains(JWT), "the original is untouched");
        assertFalse(Shortened.text("Authorization: Bearer " + JWT).contains(JWT));
    }
}
