package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.TransactionConfirmation;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment-aware device risk across the two features, as the contract drives it: the app names the registered
 * transaction by identifier only, and the risk step (right after the password) weighs the REGISTERED amount.
 * Realm defaults: large-amount-threshold 100000.00, large-amount-action DENY.
 */
@TxauthKeycloakTest
class PaymentRiskIT {

    private final TxauthServer server;
    private final PaymentService paymentService;

    PaymentRiskIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    @Test
    void largePaymentFromAnUnknownDeviceIsDeniedBeforeAnythingIsShownOrApproved() {
        TestUser user = TestUsers.withOtp(server, "risk-large");
        String id = paymentService.registerPayment(user.id(), "250000.00", "Ada Obi");
        AuthorizationClient newPhone = server.newBrowser();

        Page page = new TransactionConfirmation(newPhone, user).open(TransactionConfirmation.reference(id));

        assertEquals(403, page.status(), "expected the themed deny page, got " + page.uri());
        assertFalse(page.form(TransactionConfirmation.CONFIRM_FORM).isPresent());
        assertFalse(page.body().contains("Ada Obi"), "nothing of the payment may be shown");
        assertFalse(page.body().contains("large_amount"), "the deny page must not name the signal");
        assertEquals("PENDING", paymentService.get(id).json().get("status").asText(),
                "a denied login approves nothing");
    }

    @Test
    void ordinaryPaymentFromAnUnknownDeviceStepsUpAndReachesTheConfirmation() {
        TestUser user = TestUsers.withOtp(server, "risk-small");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        AuthorizationClient newPhone = server.newBrowser();

        Page page = new TransactionConfirmation(newPhone, user).open(TransactionConfirmation.reference(id));

        assertTrue(page.form(TransactionConfirmation.CONFIRM_FORM).isPresent(),
                "below the threshold the user steps up and sees the payment: " + page.uri());
        assertTrue(page.body().contains("Ada Obi"));
    }
}
