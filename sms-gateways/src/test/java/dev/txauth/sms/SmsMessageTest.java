package dev.txauth.sms;

import dev.txauth.sms.phone.E164Number;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SmsMessageTest {

    private static final E164Number TO = new E164Number("+2348031234567");

    @Test
    void refusesTextThatWouldNotBeOneGsm7Segment() {
        assertDoesNotThrow(() -> new SmsMessage(TO, "a".repeat(160)));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage(TO, "a".repeat(161)));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage(TO, "a".repeat(159) + "€"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage(TO, "Pay ₦50"));
        assertThrows(IllegalArgumentException.class, () -> new SmsMessage(TO, " "));
    }

    @Test
    void printsNeitherTheNumberNorTheText() {
        assertEquals("SmsMessage[to=****4567, text=11 chars]", new SmsMessage(TO, "Code 482913").toString());
    }
}
