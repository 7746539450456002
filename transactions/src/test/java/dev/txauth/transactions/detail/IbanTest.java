package dev.txauth.transactions.detail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
            "NL91ABNA0417164300"})
    void acceptsPublishedExamples(String iban) {
        assertTrue(Iban.isValid(iban));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB82 WEST 1234 5698 7654 32", "gb82west12345698765432",
            "DE8937040044", "XX00", "1234567890123456"})
    void rejectsBadChecksumsAndFormats(String iban) {
        assertFalse(Iban.isValid(iban));
    }
}
