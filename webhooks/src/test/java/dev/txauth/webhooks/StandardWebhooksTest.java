package dev.txauth.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardWebhooksTest {

    @Test
    void reproducesThePublishedStandardWebhooksTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhooks.signature(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void theKeyIsTheDecodedBytesNotTheText() {
        String secret = StandardWebhooks.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(StandardWebhooks.signature(secret, "msg_1", 1, "{}"),
                StandardWebhooks.signature(StandardWebhooks.newSecret(), "msg_1", 1, "{}"));
        assertThrows(IllegalArgumentException.class, () -> StandardWebhooks.signature("plain", "msg_1", 1, "{}"));
    }
}
