package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.Totp;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: an app (or the account console) asks Keycloak to enrol a new authenticator app with
 * {@code kc_action=CONFIGURE_TOTP}. A user who already has a second factor must prove it first, in that very request,
 * even on a fresh SSO session signed in with the password alone; every factor added sends the user an alert email.
 */
@TxauthKeycloakTest
class SecondFactorEnrolmentIT {

    private static final String TOTP_SETUP_FORM = "form#kc-totp-settings-form";
    private static final String ALERT_SUBJECT = "New second factor on your Payments account";

    private final TxauthServer server;
    @RegisterExtension
    final RealmMailbox mailbox;

    SecondFactorEnrolmentIT(TxauthServer server) {
        this.server = server;
        this.mailbox = new RealmMailbox(server);
    }

    @Test
    void configureTotpOnAPasswordSessionDemandsTheExistingFactorFirst() {
        TestUser user = TestUsers.withOtp(server, "enrol-gate");
        AuthorizationClient browser = server.newBrowser();
        assertTrue(browser.login(user, Pkce.s256(), Map.of("acr_values", "login")).isAppRedirect());

        Page enrol = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of("kc_action",
                "CONFIGURE_TOTP")));
        assertTrue(enrol.form(AuthorizationClient.OTP_FORM).isPresent(), "an existing factor first: " + enrol.uri() + "\n"
                + enrol.document().text());
        assertFalse(enrol.form(TOTP_SETUP_FORM).isPresent());

        Page wrong = browser.submitOtp(enrol, "000000");
        assertFalse(wrong.form(TOTP_SETUP_FORM).isPresent(), "a wrong code must not open the set-up page");
        assertEquals(1, otpCount(user));

        Page setup = browser.submitOtp(wrong, Totp.unspentCode(user.otpSecret(), 0, Totp.PERIOD_SECONDS,
                -Totp.PERIOD_SECONDS));
        assertTrue(setup.form(TOTP_SETUP_FORM).isPresent(), setup.document().text());
        Page done = enrolTotp(browser, setup);
        assertTrue(done.isAppRedirect(), done.document().text());
        assertEquals(2, otpCount(user));

        MimeMessage alert = mailbox.awaitSubject(ALERT_SUBJECT);
        assertEquals(user.username() + "@example.test", alertRecipient(alert));
        assertTrue(RealmMailbox.body(alert).contains("Authenticator app"), RealmMailbox.body(alert));
    }

    @Test
    void passkeyRegistrationByAUserWithTotpDemandsTheTotpFirst() {
        TestUser user = TestUsers.withOtp(server, "enrol-passkey");
        AuthorizationClient browser = server.newBrowser();
        assertTrue(browser.login(user, Pkce.s256(), Map.of("acr_values", "login")).isAppRedirect());

        Page enrol = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of("kc_action",
                "webauthn-register")));
        assertTrue(enrol.form(AuthorizationClient.OTP_FORM).isPresent(), "an existing factor first: " + enrol.uri() + "\n"
                + enrol.document().text());
        assertFalse(enrol.document().select("#registerWebAuthn, form#register").size() > 0, enrol.document().text());
    }

    @Test
    void firstFactorOfAUserWithoutOneNeedsNoProofButStillSendsTheAlert() {
        TestUser user = TestUsers.withPassword(server, "enrol-first");
        AuthorizationClient browser = server.newBrowser();
        Page afterPassword = browser.login(user, Pkce.s256(), Map.of("acr_values", "login"));
        Page setup = afterPassword.isAppRedirect()
                ? browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of("kc_action", "CONFIGURE_TOTP")))
                : afterPassword;
        assertTrue(setup.form(TOTP_SETUP_FORM).isPresent(), setup.document().text());
        assertTrue(enrolTotp(browser, setup).isAppRedirect());
        assertEquals(1, otpCount(user));
        assertEquals(user.username() + "@example.test", alertRecipient(mailbox.awaitSubject(ALERT_SUBJECT)));
    }

    private static Page enrolTotp(AuthorizationClient browser, Page setup) {
        String secret = setup.form(TOTP_SETUP_FORM).orElseThrow().selectFirst("input[name=totpSecret]").val();
        return browser.submit(setup, TOTP_SETUP_FORM, Map.of("totp", Totp.code(secret, Instant.now()),
                "userLabel", "second phone"));
    }

    private long otpCount(TestUser user) {
        long count = 0;
        for (var credential : server.admin().get("/admin/realms/payments/users/" + user.id() + "/credentials").json()) {
            if ("otp".equals(credential.path("type").asText())) {
                count++;
            }
        }
        return count;
    }

    private static String alertRecipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
