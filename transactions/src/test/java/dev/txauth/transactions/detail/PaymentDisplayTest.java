package dev.txauth.transactions.detail;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentDisplayTest {

    @Test
    void formatsNairaWithSymbolInEnglish() {
        assertEquals("\u20a650,000.00", PaymentDisplay.amount("50000.00", "NGN", Locale.ENGLISH));
    }

    @Test
    void formatsNairaTheFrenchWay() {
        String fr = PaymentDisplay.amount("50000.00", "NGN", Locale.FRENCH);
        assertTrue(fr.matches("50[\\s\u00a0\u202f]000,00[\\s\u00a0\u202f]\u20a6"), fr);
    }

    @Test
    void keepsThreeMinorUnits() {
        assertTrue(PaymentDisplay.amount("12.345", "BHD", Locale.ENGLISH).endsWith("12.345"));
    }

    @Test
    void revealsInvisibleFormatCharacters() {
        assertEquals("Ada[U+200B] Obi[U+202E]", PaymentDisplay.reveal("Ada\u200b Obi\u202e"));
        assertEquals("\u0622\u062f\u0627", PaymentDisplay.reveal("\u0622\u062f\u0627"));
    }

    @Test
    void masksAccountToLastFour() {
        assertEquals("\u2022\u2022\u2022\u20226789", PaymentDisplay.maskedAccount("0123456789"));
    }

    @Test
    void namesKnownBanks() {
        assertEquals("Guaranty Trust Bank", PaymentDisplay.bank(
                new PaymentDetail("NGN", "1.00", "A", "NUBAN", "0123456789", "058", null)));
        assertEquals("999", PaymentDisplay.bank(new PaymentDetail("NGN", "1.00", "A", "NUBAN", "0123456789", "999",
                null)));
    }
}
