package dev.txauth.authenticators.risk;

import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TransactionAmountAdapterTest {

    private static final String DETAILS = "[{\"type\":\"payment_initiation\",\"instructedAmount\":{\"amount\":\"700\"}}]";

    /** An auth session that only answers notes: the adapter reads nothing else. */
    private static AuthenticationSessionModel session(Map<String, String> clientNotes, Map<String, String> authNotes) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(AuthenticationSessionModel.class.getClassLoader(),
                new Class<?>[]{AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientNote" -> clientNotes.get((String) args[0]);
                    case "getAuthNote" -> authNotes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anyRequestCarryingPaymentDetailsHasAnAmountHoweverLevelThreeWasAskedFor() {
        // the claims parameter's essential acr leaves no acr_values note (issue 9, finding 3)
        assertEquals(new BigDecimal("700"), TransactionAmountAdapter.amount(session(Map.of("authorization_details",
                DETAILS), Map.of())));
        assertEquals(new BigDecimal("700"), TransactionAmountAdapter.amount(session(Map.of("acr_values", "mfa",
                "authorization_details", DETAILS), Map.of())));
        assertNull(TransactionAmountAdapter.amount(session(Map.of("acr_values", "transaction"), Map.of())));
        assertEquals(new BigDecimal("700"), TransactionAmountAdapter.amount(session(Map.of(
                "acr_values", "mfa transaction", "authorization_details", DETAILS), Map.of())));
    }

    @Test
    void aContractRequestNamingOnlyTheIdentifierGetsTheRegisteredAmount() {
        String byIdentifier = "[{\"type\":\"payment_initiation\",\"identifier\":\"tx-1\"}]";
        AuthenticationSessionModel session = session(Map.of("acr_values", "transaction",
                "authorization_details", byIdentifier), Map.of());
        assertEquals(new BigDecimal("250000.00"), TransactionAmountAdapter.amount(session,
                id -> id.equals("tx-1") ? java.util.Optional.of(new BigDecimal("250000.00"))
                        : java.util.Optional.empty()));
        assertNull(TransactionAmountAdapter.amount(session, id -> java.util.Optional.empty()),
                "an identifier the caller may not see (other user, other client, unknown) gives no amount");
    }

    @Test
    void theRegisteredAmountWinsOverAmountsTheAppRepeats() {
        String repeated = "[{\"type\":\"payment_initiation\",\"identifier\":\"tx-2\","
                + "\"instructedAmount\":{\"currency\":\"NGN\",\"amount\":\"1.00\"}}]";
        assertEquals(new BigDecimal("900000.00"), TransactionAmountAdapter.amount(session(Map.of("acr_values",
                "transaction", "authorization_details", repeated), Map.of()),
                id -> java.util.Optional.of(new BigDecimal("900000.00"))));
    }

    @Test
    void theTransactionAuthenticatorsNoteWinsOverTheRequest() {
        assertEquals(new BigDecimal("50000.00"), TransactionAmountAdapter.amount(session(Map.of(
                "acr_values", "transaction", "authorization_details", DETAILS),
                Map.of(TransactionAmountAdapter.AMOUNT_NOTE, "50000.00"))));
        assertEquals(new BigDecimal("700"), TransactionAmountAdapter.amount(session(Map.of(
                "acr_values", "transaction", "authorization_details", DETAILS),
                Map.of(TransactionAmountAdapter.AMOUNT_NOTE, "garbage"))), "a bad note falls back to the request");
        assertEquals(new BigDecimal("700"), TransactionAmountAdapter.amount(session(Map.of(
                "acr_values", "transaction", "client_request_param_authorization_details", DETAILS), Map.of())));
        assertNull(TransactionAmountAdapter.amount(session(Map.of("acr_values", "transaction"), Map.of())));
    }

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
