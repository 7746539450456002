package dev.txauth.authenticators.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TransactionAmountAdapterTest {

    @Test
    void readsTheContractShape() {
        assertEquals(new BigDecimal("50000.00"), TransactionAmountAdapter.fromAuthorizationDetails(
                "[{\"type\":\"payment_initiation\",\"instructedAmount\":{\"currency\":\"NGN\",\"amount\":\"50000.00\"}}]"));
    }

    @Test
    void acceptsASingleObjectAndNumericAmounts() {
        assertEquals(0, new BigDecimal("12.5").compareTo(TransactionAmountAdapter.fromAuthorizationDetails(
                "{\"type\":\"payment_initiation\",\"instructedAmount\":{\"amount\":12.5}}")));
    }

    @Test
    void takesTheLargestOfSeveralDetails() {
        assertEquals(new BigDecimal("900"), TransactionAmountAdapter.fromAuthorizationDetails(
                "[{\"instructedAmount\":{\"amount\":\"10\"}},{\"instructedAmount\":{\"amount\":\"900\"}},"
                        + "{\"type\":\"x\"}]"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not json", "[]", "{}", "[{\"type\":\"payment_initiation\",\"identifier\":\"tx1\"}]",
            "[{\"instructedAmount\":{\"amount\":\"-5\"}}]", "[{\"instructedAmount\":{\"amount\":\"0\"}}]",
            "[{\"instructedAmount\":{\"amount\":\"12,50\"}}]", "[{\"instructedAmount\":{\"amount\":true}}]",
            "[{\"instructedAmount\":\"50000\"}]", "null", "42"})
    void noUsableAmountIsNull(String json) {
        assertNull(TransactionAmountAdapter.fromAuthorizationDetails(json));
    }

    @Test
    void oversizedInputIsIgnored() {
        String huge = "[" + "{\"instructedAmount\":{\"amount\":\"1\"}},".repeat(1000) + "{}]";
        assertNull(TransactionAmountAdapter.fromAuthorizationDetails(huge));
    }
}
