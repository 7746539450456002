package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: every step of a transaction's life is a Keycloak user event carrying its id, and nothing sensitive. */
@TxauthKeycloakTest
class TransactionEventsIT {

    private static final String EVENTS_CONFIG = "/admin/realms/payments/events/config";

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    TransactionEventsIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    @Test
    void lifecycleEventsCarryTransactionIdAndNoPaymentData(@WithTotp TestUser user) {
        AdminClient admin = server.admin();
        JsonNode original = admin.get(EVENTS_CONFIG).json();
        ObjectNode storing = original.deepCopy();
        storing.put("eventsEnabled", true);
        storing.putArray("enabledEventTypes").add("CUSTOM_REQUIRED_ACTION").add("CUSTOM_REQUIRED_ACTION_ERROR");
        assertEquals(204, admin.put(EVENTS_CONFIG, storing).status());
        try {
            ConfirmationPage approved = journey.confirmationPage(user, "50000.00", "Ada Obi");
            String approvedId = approved.transactionId();
            approved.approveAndExchange();
            assertEquals(200, paymentService.consume(approvedId).status());

            ConfirmationPage declined = journey.confirmationPage(user, "10.00", "Ada Obi");
            String declinedId = declined.transactionId();
            declined.decline();

            JsonNode events = admin.get("/admin/realms/payments/events?user=" + user.id() + "&max=100").json();
            List<String> approvedSteps = new ArrayList<>();
            List<String> declinedSteps = new ArrayList<>();
            for (JsonNode event : events) {
                JsonNode details = event.path("details");
                if (!details.has("txauth_event")) {
                    continue;
                }
                String text = Json.write(event);
                assertFalse(text.contains("50000") || text.contains("0123456789") || text.contains("Ada Obi"),
                        "payment data in an event: " + text);
                String id = details.path("transaction_id").asText();
                if (id.equals(approvedId)) {
                    approvedSteps.add(details.path("txauth_event").asText());
                    assertEquals("CUSTOM_REQUIRED_ACTION", event.path("type").asText());
                } else if (id.equals(declinedId)) {
                    declinedSteps.add(details.path("txauth_event").asText());
                }
            }
            assertTrue(approvedSteps.containsAll(List.of("transaction_registered", "transaction_approved",
                    "transaction_consumed")), approvedSteps.toString());
            assertTrue(declinedSteps.containsAll(List.of("transaction_registered", "transaction_declined")),
                    declinedSteps.toString());
        } finally {
            admin.put(EVENTS_CONFIG, original);
        }
    }
}
