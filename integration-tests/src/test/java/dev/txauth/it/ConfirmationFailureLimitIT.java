package dev.txauth.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.database.ConfirmationFailureTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.Totp;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.txauth.testkit.client.PaymentService.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: five consecutive failed confirmations block the user, whatever transactions they were spread over
 * (PSD2 RTS Art. 4(3)(b); issue 9, finding 2; docs/transactions.md "Failure limit"). Each user is logged in at mfa
 * first, so every confirmation is a step-up on an existing SSO session.
 */
@TxauthKeycloakTest
class ConfirmationFailureLimitIT {

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    ConfirmationFailureLimitIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    @Test
    void failuresSpreadOverThreeTransactionsBlockACorrectCodeOnAFourth(@WithTotp TestUser user,
                                                                      AuthorizationClient phone) throws Exception {
        signedIn(phone, user);
        ConfirmationPage fourth = journey.confirmationPage(user, paymentService.registerPayment(user.id(),
                "50.00", "Ada Obi"));

        int[] wrongCodes = {2, 2, 1};
        Page last = null;
        for (int wrong : wrongCodes) {
            ConfirmationPage page = journey.confirmationPage(phone, user, register(user));
            for (int attempt = 0; attempt < wrong; attempt++) {
                last = page.submitTotp(wrongCode(page));
                page = page.on(last);
            }
        }
        assertBlocked(last);
        assertEquals(5, ConfirmationFailureTable.failures(server, user.id()));

        assertBlocked(fourth.approve());
        assertEquals("PENDING", paymentService.get(fourth.transactionId()).json().path("status").asText());
        ConfirmationPage fifth = journey.open(phone, user, reference(register(user)));
        assertBlocked(fifth.page());
    }

    @Test
    void threeTransactionsTimesFiveWrongCodesThenACorrectCodeOnAFourthIsRefused(@WithTotp TestUser user,
                                                                                AuthorizationClient phone)
            throws Exception {
        GreenMail mail = smtp();
        try {
            signedIn(phone, user);
            ConfirmationPage first = journey.confirmationPage(phone, user, register(user));
            for (int attempt = 1; attempt <= 5; attempt++) {
                first = first.on(first.submitTotp(wrongCode(first)));
            }
            assertEquals("access_denied", first.page().appRedirectParameters().get("error"));
            for (int n = 2; n <= 3; n++) {
                ConfirmationPage next = journey.open(phone, user, reference(register(user)));
                assertBlocked(next.page());
            }
            String fourth = register(user);
            assertBlocked(journey.open(phone, user, reference(fourth)).page());
            assertEquals("PENDING", paymentService.get(fourth).json().path("status").asText());

            // the mfa sign-in of a new device sent its own alert first
            assertTrue(mail.waitForIncomingEmail(15_000, 2), "no alert email");
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                subjects.add(message.getSubject());
            }
            assertEquals(1, subjects.stream()
                    .filter("Payment confirmations on your Payments account are paused"::equals).count(), "" + subjects);
            new AuditTable(server).awaitRow(user.id(), "TXAUTH_CONFIRMATIONS_BLOCKED");
        } finally {
            setSmtp(Map.of());
            mail.stop();
        }
    }

    @Test
    void afterTheBlockTimeACorrectCodeWorksAndResetsTheCount(@WithTotp TestUser user, AuthorizationClient phone)
            throws Exception {
        signedIn(phone, user);
        ConfirmationPage first = journey.confirmationPage(phone, user, register(user));
        for (int attempt = 1; attempt <= 5; attempt++) {
            first = first.on(first.submitTotp(wrongCode(first)));
        }
        assertBlocked(journey.open(phone, user, reference(register(user))).page());

        ConfirmationFailureTable.endBlock(server, user.id());
        ConfirmationPage second = journey.confirmationPage(phone, user, register(user));
        second = second.on(second.submitTotp(wrongCode(second)));
        assertEquals(1, ConfirmationFailureTable.failures(server, user.id()), "the block's end restarts the count");
        Page approved = second.approve();

        assertTrue(approved.isAppRedirect() && approved.appRedirectParameters().containsKey("code"),
                approved.describe());
        assertEquals(0, ConfirmationFailureTable.failures(server, user.id()), "a success resets the count");
    }

    private void signedIn(AuthorizationClient phone, TestUser user) {
        assertTrue(phone.login(user, Pkce.s256(), Map.of("acr_values", "mfa")).isAppRedirect());
    }

    private String register(TestUser user) {
        return paymentService.registerPayment(user.id(), "50.00", "Ada Obi");
    }

    /** A code valid in no time step the server accepts now (look-around window 1). */
    private static String wrongCode(ConfirmationPage page) {
        Instant now = Instant.now();
        Set<String> valid = Set.of(Totp.code(page.user().otpSecret(), now.minusSeconds(Totp.PERIOD_SECONDS)),
                Totp.code(page.user().otpSecret(), now), Totp.code(page.user().otpSecret(),
                        now.plusSeconds(Totp.PERIOD_SECONDS)));
        return Stream.of("000000", "111111", "222222", "333333").filter(c -> !valid.contains(c)).findFirst()
                .orElseThrow();
    }

    private static void assertBlocked(Page page) {
        assertFalse(page.form(ConfirmationPage.FORM).isPresent(), "no confirmation while blocked: " + page.describe());
        String message = page.document().select("#txauth-ended-message").text();
        assertTrue(message.contains("temporarily blocked"), page.describe());
        assertFalse(page.body().contains("passkey") || page.body().contains("authenticator app"),
                "the page must not say which factor failed");
    }

    private GreenMail smtp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        setSmtp(Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "security@payments.test"));
        return mail;
    }

    private void setSmtp(Map<String, String> smtp) {
        AdminClient.Response r = server.admin().put("/admin/realms/payments", Map.of("smtpServer", smtp));
        assertEquals(204, r.status(), r.body());
    }
}
