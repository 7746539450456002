package dev.txauth.sms.phone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumbersTest {

    private final PhoneNumbers ng = new PhoneNumbers("NG");

    @ParameterizedTest
    @ValueSource(strings = {"08031234567", "0803 123 4567", "(0803) 123-4567", "+2348031234567", "+234 803 123 4567",
            "2348031234567", "+234 (0) 803 123 4567", "009 234 803 123 4567", " 0803-123-4567 "})
    void normalisesNigerianLocalAndInternationalForms(String input) {
        assertEquals("+2348031234567", ng.normalize(input).value());
    }

    @Test
    void keepsOtherCountriesWithTheirCode() {
        assertEquals("+254711123456", ng.normalize("+254 711 123456").value());
        assertEquals("+447911123456", ng.normalize("+44 7911 123456").value());
        assertEquals("+254711123456", new PhoneNumbers("KE").normalize("0711 123456").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "0803123", "080312345678901", "+2340000000000", "+999 803 123 4567",
            "0803 123 4567 ext. 12", "01 234 5678", "not a number at all but very long indeed to be sure 123"})
    void refusesInvalidAndNonMobileNumbersWithoutRepeatingThem(String input) {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class, () -> ng.normalize(input));
        assertFalse(!input.isBlank() && e.getMessage().contains(input.trim()), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidPhoneNumberException.class, () -> ng.normalize(null));
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
    }

    @Test
    void masksToTheLastFourDigits() {
        E164Number number = ng.normalize("08031234567");
        assertEquals("\u2022\u2022\u2022\u2022 4567", PhoneMask.forPage(number));
        assertEquals("****4567", PhoneMask.forLog(number));
        assertEquals("****4567", number.toString(), "a number passed to a logger prints masked");
        assertEquals("2348031234567", number.digits());
    }

    @Test
    void e164RecordRefusesAnythingElse() {
        assertThrows(InvalidPhoneNumberException.class, () -> new E164Number("08031234567"));
        assertThrows(InvalidPhoneNumberException.class, () -> new E164Number("+0123456789"));
    }
}
