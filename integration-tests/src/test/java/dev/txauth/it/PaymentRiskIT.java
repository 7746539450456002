package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import static dev.txauth.testkit.client.PaymentService.reference;
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

    private final PaymentService paymentService;
    private final PaymentJourney journey;

    PaymentRiskIT(PaymentService paymentService, PaymentJourney journey) {
        this.paymentService = paymentService;
        this.journey = journey;
    }

    @Test
    void largePaymentFromAnUnknownDeviceIsDeniedBeforeAnythingIsShownOrApproved(@WithTotp TestUser user,
                                                                                AuthorizationClient newPhone) {
        String id = paymentService.registerPayment(user.id(), "250000.00", "Ada Obi");

        Page page = journey.open(newPhone, user, reference(id)).page();

        assertEquals(403, page.status(), "expected the themed deny page, got " + page.uri());
        assertFalse(page.form(ConfirmationPage.FORM).isPresent());
        assertFalse(page.body().contains("Ada Obi"), "nothing of the payment may be shown");
        assertFalse(page.body().contains("large_amount"), "the deny page must not name the signal");
        assertEquals("PENDING", paymentService.get(id).json().get("status").asText(),
                "a denied login approves nothing");
    }

    @Test
    void ordinaryPaymentFromAnUnknownDeviceStepsUpAndReachesTheConfirmation(@WithTotp TestUser user,
                                                                            AuthorizationClient newPhone) {
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");

        ConfirmationPage page = journey.open(newPhone, user, reference(id));

        assertTrue(page.isShown(), "below the threshold the user steps up and sees the payment: " + page.page().uri());
        assertEquals("Ada Obi", page.payee());
    }
}
