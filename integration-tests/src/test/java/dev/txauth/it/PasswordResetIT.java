package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.Totp;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: someone who controls a user's mailbox asks for a password reset. The realm's reset flow
 * ({@code txauth reset credentials}) makes a user who has a second factor prove it before a new password is set, and
 * never enrols a new factor — so the mailbox alone cannot end with the attacker's TOTP next to the user's.
 */
@TxauthKeycloakTest
class PasswordResetIT {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");
    private static final String RESET_FORM = "form#kc-reset-password-form";
    private static final String NEW_PASSWORD_FORM = "form#kc-passwd-update-form";
    private static final String TOTP_SETUP_FORM = "form#kc-totp-settings-form";

    private final TxauthServer server;
    @RegisterExtension
    final RealmMailbox mailbox;

    PasswordResetIT(TxauthServer server) {
        this.server = server;
        this.mailbox = new RealmMailbox(server);
    }

    @Test
    void mailboxAloneCannotResetThePasswordNorEnrolAFactor() {
        TestUser user = TestUsers.withOtp(server, "reset-attacker");
        List<String> before = credentials(user);
        AuthorizationClient attacker = server.newBrowser();

        Page afterLink = followResetLink(attacker, user);
        assertTrue(afterLink.form(AuthorizationClient.OTP_FORM).isPresent(), "the reset link must ask for the existing factor: "
                + afterLink.uri() + "\n" + afterLink.document().text());
        assertFalse(afterLink.form(NEW_PASSWORD_FORM).isPresent());
        assertFalse(afterLink.form(TOTP_SETUP_FORM).isPresent());

        for (String guess : List.of("000000", "123456")) {
            Page again = attacker.submitOtp(afterLink, guess);
            assertTrue(again.form(AuthorizationClient.OTP_FORM).isPresent(), again.document().text());
            assertFalse(again.form(NEW_PASSWORD_FORM).isPresent());
            assertFalse(again.form(TOTP_SETUP_FORM).isPresent());
            assertFalse(again.isAppRedirect());
        }
        assertEquals(before, credentials(user), "nothing may change without the existing factor");
    }

    @Test
    void withTheExistingCodeThePasswordIsResetAndNoFactorIsAdded() {
        TestUser user = TestUsers.withOtp(server, "reset-owner");
        List<String> before = credentials(user);
        AuthorizationClient owner = server.newBrowser();

        Page afterLink = followResetLink(owner, user);
        Page newPassword = owner.submitOtp(afterLink, Totp.unspentCode(user.otpSecret(), 0, Totp.PERIOD_SECONDS,
                -Totp.PERIOD_SECONDS));
        assertTrue(newPassword.form(NEW_PASSWORD_FORM).isPresent(), newPassword.document().text());
        String chosen = "a-new-long-password-" + System.nanoTime();
        Page done = owner.submit(newPassword, NEW_PASSWORD_FORM, Map.of("password-new", chosen,
                "password-confirm", chosen));
        assertTrue(done.isAppRedirect(), done.uri() + "\n" + done.document().text());

        List<String> after = credentials(user);
        assertEquals(otpIds(before), otpIds(after), "the same one OTP credential, none added or replaced");
        assertEquals(1, otpIds(after).size());
        assertFalse(before.contains(passwordEntry(after)), "the password credential must be new");

        TestUser renewed = new TestUser(user.id(), user.username(), chosen, user.otpSecret(), user.passkey(),
                user.phoneNumber());
        Page login = server.newBrowser().login(renewed, Pkce.s256(), Map.of("acr_values", "mfa"));
        assertTrue(login.isAppRedirect(), login.document().text());
    }

    /** Login page → "Forgot password?" → username → the link in the email, in the same browser. */
    private Page followResetLink(AuthorizationClient browser, TestUser user) {
        Page login = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of()));
        Element forgot = login.document().selectFirst("a[href*=reset-credentials]");
        assertTrue(forgot != null, "resetPasswordAllowed must show the link: " + login.document().text());
        Page resetPage = browser.navigate(URI.create(forgot.absUrl("href")));
        int count = mailbox.received().length + 1;
        Page sent = browser.submit(resetPage, RESET_FORM, Map.of("username", user.username()));
        assertEquals(200, sent.status(), sent.document().text());
        String body = RealmMailbox.body(mailbox.await(count)[count - 1]);
        Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=")
                .replace("&amp;", "&"));
        assertTrue(link.find(), "no reset link in: " + body);
        return browser.navigate(URI.create(link.group()));
    }

    /** "type:id:createdDate" of each credential of the user. */
    private List<String> credentials(TestUser user) {
        JsonNode all = server.admin().get("/admin/realms/payments/users/" + user.id() + "/credentials").json();
        List<String> entries = new ArrayList<>();
        all.forEach(c -> entries.add(c.path("type").asText() + ":" + c.path("id").asText() + ":"
                + c.path("createdDate").asText()));
        return entries;
    }

    private static List<String> otpIds(List<String> entries) {
        return entries.stream().filter(e -> e.startsWith("otp:")).toList();
    }

    private static String passwordEntry(List<String> entries) {
        return entries.stream().filter(e -> e.startsWith("password:")).findFirst().orElseThrow();
    }
}
