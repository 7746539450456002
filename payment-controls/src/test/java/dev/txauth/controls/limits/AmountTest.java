package dev.txauth.controls.limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountTest {

    @Test
    void parsesIntoMinorUnitsOfTheCurrency() {
        assertEquals(2_000_000L, Amount.parse("NGN", "20000.00").minor());
        assertEquals(2_000_000L, Amount.parse("NGN", "20000").minor());
        assertEquals(150L, Amount.parse("NGN", "1.5").minor());
        assertEquals(1234L, Amount.parse("JPY", "1234").minor());
        assertEquals(1_234_567L, Amount.parse("KWD", "1234.567").minor());
        assertEquals(0L, Amount.parse("NGN", "0").minor());
    }

    @Test
    void writesExactlyTheCurrencysDigits() {
        assertEquals("20000.00", Amount.parse("NGN", "20000").toDecimal());
        assertEquals("0.10", Amount.parse("NGN", "0.1").toDecimal());
        assertEquals("1234", Amount.parse("JPY", "1234").toDecimal());
        assertEquals("0.001", new Amount("KWD", 1).toDecimal());
        assertEquals("25000000.00", Amount.parse("NGN", "25000000.00").toDecimal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "+1", "1e3", " 1", "1 ", "1,000.00", "01", ".5", "5.", "", "NaN", "Infinity",
            "0x10", "12345678901234", "1.0.0", "١٢"})
    void refusesMalformedOrHugeDecimals(String decimal) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse("NGN", decimal));
    }

    @Test
    void refusesMorePrecisionThanTheCurrencyHas() {
        InvalidAmountException e = assertThrows(InvalidAmountException.class, () -> Amount.parse("NGN", "1.001"));
        assertTrue(e.getMessage().contains("2 decimal places"), e.getMessage());
        assertThrows(InvalidAmountException.class, () -> Amount.parse("JPY", "1.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngn", "XXX1", "ABC", "XAU", "XDR", "N", ""})
    void refusesCodesThatAreNotPaymentCurrencies(String code) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse(code, "1"));
    }

    @Test
    void largestAcceptedAmountStillFitsForFourDigitCurrencies() {
        assertEquals(99_999_999_999_990_000L, Amount.parse("CLF", "9999999999999").minor());
    }

    @Test
    void arithmeticKeepsCurrenciesApartAndNeverGoesNegative() {
        Amount cap = Amount.parse("NGN", "100.00");
        assertEquals("0.00", cap.remainingAfter(Amount.parse("NGN", "150.00")).toDecimal());
        assertEquals("40.00", cap.remainingAfter(Amount.parse("NGN", "60.00")).toDecimal());
        assertThrows(IllegalArgumentException.class, () -> cap.plus(Amount.parse("USD", "1")));
        assertThrows(IllegalArgumentException.class, () -> new Amount("NGN", -1));
    }
}
