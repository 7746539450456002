package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §9): an administrator asks a user to verify their phone (required action
 * {@code txauth-verify-phone}, declared in {@code payments-realm.json}); at the next sign-in the user gets a code by SMS, types it, and the phone becomes
 * verified — after which the confirmation page offers SMS codes. A wrong code changes nothing.
 */
@TxauthKeycloakTest
class PhoneVerificationIT {

    private static final String FORM = "form#txauth-verify-phone-form";

    private final TxauthServer server;
    private final SmsGatewayStub gateway;

    PhoneVerificationIT(TxauthServer server) {
        this.server = server;
        this.gateway = server.smsGateway();
    }

    @Test
    void codeBySmsVerifiesThePhone(@WithTotp @WithPhone(value = "+2348031110041", verified = false) TestUser user) {
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + user.id(),
                Map.of("requiredActions", List.of("txauth-verify-phone"))).status());
        AuthorizationClient app = server.newBrowser();
        Page page = app.login(user, Pkce.s256(), Map.of());
        assertTrue(page.form(FORM).isPresent(), page.describe());
        assertTrue(page.document().select("#txauth-verify-phone-intro").text().contains("\u2022\u2022\u2022\u2022 0041"));

        Page sent = app.submit(page, FORM, Map.of("send_sms", "send_sms"));
        SmsGatewayStub.Request sms = gateway.awaitCode("+2348031110041", 1);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
        }
        assertEquals("Payments code to verify this phone: " + sms.code() + ". Never share it.", sms.text());

        String wrong = sms.code().equals("000000") ? "111111" : "000000";
        Page refused = app.submit(sent, FORM, Map.of("otp", wrong));
        assertTrue(refused.form(FORM).isPresent(), refused.describe());
        assertEquals("false", verified(user));

        Page done = app.submit(refused, FORM, Map.of("otp", sms.code()));
        assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"), done.describe());
        assertEquals("true", verified(user));
    }

    private String verified(TestUser user) {
        return server.admin().get("/admin/realms/payments/users/" + user.id()).json()
                .path("attributes").path("phone_number_verified").path(0).asText();
    }
}
