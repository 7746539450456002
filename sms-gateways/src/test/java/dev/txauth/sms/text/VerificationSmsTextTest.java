package dev.txauth.sms.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationSmsTextTest {

    @Test
    void namesTheRealmAndCarriesTheCode() {
        assertEquals("Payments code to verify this phone: 482913. Never share it.",
                VerificationSmsText.render("Payments", "482913"));
    }

    @Test
    void longUnicodeRealmNamesStayOneGsm7Segment() {
        String text = VerificationSmsText.render("\u0628\u0646\u0643 ".repeat(60) + "\uD83C\uDFE6", "0123456789");
        assertTrue(Gsm7.fitsOneSegment(text), text);
        assertTrue(text.endsWith(": 0123456789. Never share it."), text);
    }

    @Test
    void refusesSomethingThatIsNotACode() {
        assertThrows(IllegalArgumentException.class, () -> VerificationSmsText.render("Payments", "12ab56"));
    }
}
