package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §9): a user with a verified email asks for the code by email; Keycloak's own email sender
 * delivers the themed mail (real SMTP, GreenMail) naming the payment, and its code approves that payment.
 */
@TxauthKeycloakTest
class EmailCodeConfirmationIT {

    private static final Pattern CODE = Pattern.compile("Code: ([0-9]{6,10})");

    private final PaymentService paymentService;
    private final PaymentJourney journey;
    @RegisterExtension
    final RealmMailbox mailbox;

    EmailCodeConfirmationIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.paymentService = paymentService;
        this.journey = journey;
        this.mailbox = new RealmMailbox(server);
    }

    @Test
    void emailedCodeNamingThePaymentApprovesIt(@WithTotp TestUser user) throws Exception {
        ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
        assertEquals("Send a code by email", page.form().select("button[name=send_email]").text());

        ConfirmationPage sent = page.on(page.sendEmail());
        assertEquals("email", sent.codeFactor());
        MimeMessage mail = mailbox.awaitSubject("Your payment code from Payments");
        assertEquals(user.username() + "@example.test", mail.getAllRecipients()[0].toString());
        String body = RealmMailbox.body(mail);
        assertTrue(body.contains("Ada Obi"), body);
        assertTrue(body.contains("6789") && !body.contains("0123456789"), "masked account only: " + body);
        assertTrue(body.contains("Never share this code"), body);
        Matcher code = CODE.matcher(body);
        assertTrue(code.find(), body);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(code.group(1));
        }

        Page done = sent.submitCode(code.group(1));
        TokenResponse tokens = sent.exchange(done);
        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals(page.transactionId(), claims.path("txn_id").asText());
        JsonNode status = paymentService.get(page.transactionId()).json();
        assertEquals("APPROVED", status.path("status").asText());
        assertEquals("email", status.path("method").asText());
    }
}
