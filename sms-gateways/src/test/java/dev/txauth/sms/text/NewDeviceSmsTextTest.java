package dev.txauth.sms.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewDeviceSmsTextTest {

    @Test
    void namesTheRealmAndTheDevice() {
        assertEquals("Payments: a new device (Chrome on Android) can now sign in to your account. Not you? Call your"
                + " bank now.", NewDeviceSmsText.render("Payments", "Chrome on Android"));
    }

    @Test
    void longOrUnicodeNamesStayOneGsm7Segment() {
        String text = NewDeviceSmsText.render("Banque Évolution Très Très Longue Société Générale",
                "\u0645\u062a\u0635\u0641\u062d ".repeat(40) + "\uD83D\uDE00 {[]}~ ".repeat(20));
        assertTrue(Gsm7.fitsOneSegment(text), text);
        assertTrue(text.endsWith("Not you? Call your bank now."), text);
    }

    @Test
    void withoutALabelTheWarningRemains() {
        assertEquals("a new device can now sign in to your account. Not you? Call your bank now.",
                NewDeviceSmsText.render(null, null));
    }

    @Test
    void aNewPhoneSaysTheOldOneWasSignedOut() {
        assertEquals("Payments: your app is now on a new phone and the old phone was signed out. Not you? Call your"
                + " bank now.", NewDeviceSmsText.newPhone("Payments"));
    }

    @Test
    void aNewPhoneAlertStaysOneGsm7SegmentWhateverTheRealmName() {
        String text = NewDeviceSmsText.newPhone("Banque \u00c9volution \uD83D\uDE00 ".repeat(30));
        assertTrue(Gsm7.fitsOneSegment(text), text);
        assertTrue(text.endsWith("Not you? Call your bank now."), text);
    }
}
