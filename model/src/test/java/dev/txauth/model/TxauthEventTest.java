package dev.txauth.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wire values and audit types are external interface (docs/api.md §6, §7, §8): renaming a constant must fail here. */
class TxauthEventTest {

    @Test
    void wireValuesAreTheDocumentedEventNames() {
        assertEquals(List.of("transaction_registered", "transaction_approved", "transaction_declined",
                        "transaction_locked", "transaction_expired", "transaction_consumed", "confirmations_blocked", "risk_decision",
                        "device_trusted", "device_forgotten", "device_bound", "device_unbound", "limit_refused",
                        "limits_changed", "instant_payments_disabled", "instant_payments_enabled", "login_throttled"),
                Arrays.stream(TxauthEvent.values()).map(TxauthEvent::wireValue).toList());
    }

    @Test
    void auditTypeIsTxauthPrefixedUpperCase() {
        assertEquals("TXAUTH_TRANSACTION_APPROVED", TxauthEvent.TRANSACTION_APPROVED.auditType());
        assertEquals("TXAUTH_DEVICE_FORGOTTEN", TxauthEvent.auditTypeOf(" device_forgotten "));
    }

    @Test
    void anEventAnotherExtensionSentKeepsTheSameNamingRule() {
        assertEquals(Optional.empty(), TxauthEvent.fromWire("limit-changed"));
        assertEquals("TXAUTH_LIMIT_CHANGED", TxauthEvent.auditTypeOf("limit-changed"));
    }

    @Test
    void aTransactionIsNamedByTypeAndNonBlankIdentifier() {
        assertEquals(Optional.of("tx-1"), PaymentInitiation.identifier("payment_initiation", "tx-1"));
        assertEquals(Optional.empty(), PaymentInitiation.identifier("payment_initiation", " "));
        assertEquals(Optional.empty(), PaymentInitiation.identifier("payment_initiation", null));
        assertEquals(Optional.empty(), PaymentInitiation.identifier("account_information", "tx-1"));
    }
}
