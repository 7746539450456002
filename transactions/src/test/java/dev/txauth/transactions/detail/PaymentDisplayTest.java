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
    void masksNubanToLastFour() {
        assertEquals("\u2022\u2022\u2022\u20226789", PaymentDisplay.maskedAccount(
                new PaymentDetail("NGN", "1.00", "A", "NUBAN", "0123456789", "058", null)));
    }

    @Test
    void showsEnoughOfAnIbanToTellPayeesApartButNeverAllOfIt() {
        assertEquals("DE89 3704 \u2022\u2022\u2022\u2022 3000",
                PaymentDisplay.maskedAccount(iban("DE89370400440532013000")));
        // Same bank, same last four, another account: the check digits differ.
        assertEquals("DE19 3704 \u2022\u2022\u2022\u2022 3000",
                PaymentDisplay.maskedAccount(iban("DE19370400440999013000")));
        // Another bank, same last four.
        assertEquals("DE21 5121 \u2022\u2022\u2022\u2022 3000",
                PaymentDisplay.maskedAccount(iban("DE21512108001245123000")));
        // The shortest IBAN (Norway, 15 characters) still hides four.
        assertEquals("NO93 860 \u2022\u2022\u2022\u2022 7947",
                PaymentDisplay.maskedAccount(iban("NO9386011117947")));
    }

    private static PaymentDetail iban(String iban) {
        assertTrue(Iban.isValid(iban), iban);
        return new PaymentDetail("EUR", "1.00", "A", "IBAN", iban, null, null);
    }

    @Test
    void showsTheIsoCodeWhereTheSymbolIsAmbiguous() {
        assertEquals("USD\u00a050,000.00", PaymentDisplay.amount("50000.00", "USD", Locale.ENGLISH));
        assertEquals("KYD\u00a050,000.00", PaymentDisplay.amount("50000.00", "KYD", Locale.ENGLISH));
        assertEquals("CLP\u00a050,000", PaymentDisplay.amount("50000", "CLP", Locale.ENGLISH));
        assertEquals("\u20ac50,000.00", PaymentDisplay.amount("50000.00", "EUR", Locale.ENGLISH));
        String fr = PaymentDisplay.amount("50000.00", "KYD", Locale.FRENCH);
        assertTrue(fr.matches("50[\\s\u00a0\u202f]000,00[\\s\u00a0\u202f]KYD"), fr);
        assertTrue(PaymentDisplay.amount("50000.00", "CVE", Locale.ENGLISH).startsWith("CVE\u00a0"),
                "Cape Verde's zero-width symbol would leave the amount without any sign");
    }

    @Test
    void namesKnownBanks() {
        assertEquals("Guaranty Trust Bank", PaymentDisplay.bank(
                new PaymentDetail("NGN", "1.00", "A", "NUBAN", "0123456789", "058", null)));
        assertEquals("999", PaymentDisplay.bank(new PaymentDetail("NGN", "1.00", "A", "NUBAN", "0123456789", "999",
                null)));
    }
}
