package dev.txauth.sms.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginSmsTextTest {

    @Test
    void namesTheRealmAndCarriesTheCode() {
        assertEquals("Your Payments sign-in code is 482913. Never share it.",
                LoginSmsText.render("Payments", "482913"));
    }

    @Test
    void looksNothingLikeAPaymentApproval() {
        String text = LoginSmsText.render("Payments", "482913");
        assertFalse(text.startsWith("Pay "), text);
        assertFalse(text.contains("NGN") || text.contains("****"), text);
    }

    @Test
    void aRealmWithoutAUsableNameIsLeftOut() {
        assertEquals("Your sign-in code is 482913. Never share it.", LoginSmsText.render("\uD83C\uDFE6", "482913"));
        assertEquals("Your sign-in code is 482913. Never share it.", LoginSmsText.render(null, "482913"));
    }

    @Test
    void longUnicodeRealmNamesStayOneGsm7Segment() {
        for (String realm : new String[] {"\u0628\u0646\u0643 ".repeat(60), "\u1ECCj\u00E0 B\u00E1nk \u20A6 ".repeat(20),
                "{[|]}~\\^\u20AC".repeat(30)}) {
            String text = LoginSmsText.render(realm, "0123456789");
            assertTrue(Gsm7.fitsOneSegment(text), text);
            assertTrue(text.endsWith(" sign-in code is 0123456789. Never share it."), text);
        }
    }

    @Test
    void refusesSomethingThatIsNotACode() {
        assertThrows(IllegalArgumentException.class, () -> LoginSmsText.render("Payments", "12ab56"));
        assertThrows(IllegalArgumentException.class, () -> LoginSmsText.render("Payments", null));
    }
}
