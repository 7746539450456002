package dev.txauth.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentRequestBodyTest {

    private static String amount(String type, String body) {
        return PaymentRequestBody.amount(type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static DemoError refused(String type, String body) {
        return assertThrows(DemoError.class, () -> amount(type, body));
    }

    @Test
    void readsTheAmount() {
        assertEquals("5000.00", amount("application/json; charset=utf-8", "{\"amount\":\"5000.00\"}"));
    }

    @Test
    void saysWhatIsWrongWithABadBody() {
        DemoError malformed = refused("application/json", "{\"amount\": \"5000.00\"");
        assertEquals(400, malformed.status());
        assertTrue(malformed.getMessage().contains("not valid JSON"), malformed.getMessage());
        assertEquals(415, refused("text/plain", "{\"amount\":\"5000.00\"}").status());
        assertEquals(415, refused(null, "{}").status());
        assertTrue(refused("application/json", "[1]").getMessage().contains("JSON object"));
        assertTrue(refused("application/json", "{\"amount\":5000}").getMessage().contains("decimal string"));
        assertTrue(refused("application/json", "{\"amount\":\"-1\"}").getMessage().contains("decimal string"));
        assertTrue(refused("application/json", "{\"amount\":\"5000.001\"}").getMessage().contains("decimal"));
        assertEquals(400, refused("application/json", "").status());
    }

    @Test
    void refusesMoreThanFourKibibytesWithoutReadingOn() {
        byte[] big = new byte[PaymentRequestBody.MAX_BYTES + 1];
        assertEquals(413, assertThrows(DemoError.class,
                () -> PaymentRequestBody.read(new ByteArrayInputStream(big))).status());
        assertEquals(PaymentRequestBody.MAX_BYTES, PaymentRequestBody.read(
                new ByteArrayInputStream(new byte[PaymentRequestBody.MAX_BYTES])).length);
    }
}
