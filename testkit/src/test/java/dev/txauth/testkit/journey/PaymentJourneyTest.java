package dev.txauth.testkit.journey;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.PaymentService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaymentJourneyTest {

    @Test
    void transactionRequestNamesTheRegisteredPaymentByIdentifierOnly() {
        Map<String, String> params = PaymentJourney.transactionRequest(PaymentService.reference("tx-1"),
                Map.of("ui_locales", "fr"));
        assertEquals("transaction", params.get("acr_values"));
        assertEquals(Json.parse("[{\"type\":\"payment_initiation\",\"identifier\":\"tx-1\"}]"),
                Json.parse(params.get("authorization_details")));
        assertEquals("fr", params.get("ui_locales"));
        assertEquals(List.of("acr_values", "authorization_details", "ui_locales"), List.copyOf(params.keySet()));
    }
}
