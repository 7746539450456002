package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.database.TransactionTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8): the account works in the app on one phone at a time, the phone being the app's DPoP key. The
 * first login with a second factor binds it; a second phone needs a second factor and the bind page, and signs the
 * first one out; cancel changes nothing; the token endpoint holds the code to the key it was requested for.
 */
@TxauthKeycloakTest
class DeviceBindingIT {

    static final String BIND_FORM = "form#txauth-bind-form";

    private final TxauthServer server;
    private final AuditTable audit;

    DeviceBindingIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    @Test
    void firstLoginWithSecondFactorBindsTheAppKey() {
        TestUser user = TestUsers.user(server, "bind-first").totp().newAccount().create();
        AuthorizationClient phone = server.newBrowser();
        TokenResponse tokens = mfaLogin(phone, user);
        assertEquals(phone.dpop().thumbprint(), tokens.accessTokenClaims().path("cnf").path("jkt").asText());
        assertEquals(List.of(phone.dpop().thumbprint()), boundKeys(user));
        JsonNode devices = server.admin().get("/admin/realms/payments/txauth-devices/users/" + user.id()).json();
        assertTrue(devices.get(0).path("bound").asBoolean(), devices.toString());
        assertEquals(phone.dpop().thumbprint(), devices.get(0).path("jkt").asText());
        audit.awaitRow(user.id(), "TXAUTH_DEVICE_BOUND");
    }

    @Test
    void secondPhoneNeedsSecondFactorAndBindPageThenSignsTheFirstOut() {
        TestUser user = TestUsers.user(server, "bind-second").totp().newAccount().create();
        AuthorizationClient oldPhone = server.newBrowser();
        TokenResponse old = mfaLogin(oldPhone, user);

        AuthorizationClient newPhone = server.newBrowser().useDpopKey(DpopKey.generate());
        Pkce pkce = Pkce.s256();
        Page afterPassword = newPhone.submitPassword(newPhone.authorize(newPhone.authorizationParameters(pkce,
                Map.of())), user.username(), user.password());
        assertTrue(afterPassword.form(AuthorizationClient.OTP_FORM).isPresent(), "a second factor comes first");
        Page bindPage = newPhone.passSecondFactor(afterPassword, user);
        assertTrue(bindPage.form(BIND_FORM).isPresent(), bindPage.body());
        Page done = newPhone.submit(bindPage, BIND_FORM, Map.of("bind", "bind"));
        TokenResponse fresh = newPhone.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, fresh.status(), fresh.body().toString());

        assertEquals(List.of(newPhone.dpop().thumbprint()), boundKeys(user));
        TokenResponse oldRefresh = oldPhone.tokens().refresh(old.refreshToken());
        assertEquals(400, oldRefresh.status(), "the old phone is signed out: " + oldRefresh.body());
        assertEquals(200, newPhone.tokens().refresh(fresh.refreshToken()).status());
        audit.awaitRow(user.id(), "TXAUTH_DEVICE_UNBOUND");
    }

    @Test
    void cancelOnTheBindPageKeepsTheOldBinding() {
        TestUser user = TestUsers.user(server, "bind-cancel").totp().newAccount().create();
        AuthorizationClient oldPhone = server.newBrowser();
        TokenResponse old = mfaLogin(oldPhone, user);

        AuthorizationClient newPhone = server.newBrowser().useDpopKey(DpopKey.generate());
        Page bindPage = newPhone.login(user, Pkce.s256(), Map.of());
        Page cancelled = newPhone.submit(bindPage, BIND_FORM, Map.of("cancel", "cancel"));
        assertEquals("access_denied", cancelled.appRedirectParameters().get("error"));

        assertEquals(List.of(oldPhone.dpop().thumbprint()), boundKeys(user));
        assertEquals(200, oldPhone.tokens().refresh(old.refreshToken()).status());
    }

    @Test
    void adminUnbindsTheBoundPhoneSoTheNextSecondFactorLoginBindsAfresh() {
        TestUser user = TestUsers.withOtp(server, "bind-admin");
        String base = "/admin/realms/payments/txauth-devices/users/" + user.id();
        JsonNode bound = server.admin().get(base).json().get(0);
        assertTrue(bound.path("bound").asBoolean(), bound.toString());
        assertEquals(204, server.admin().delete(base + "/devices/" + bound.path("id").asText()).status());
        assertEquals(List.of(), boundKeys(user));
        audit.awaitRow(user.id(), "TXAUTH_DEVICE_UNBOUND");

        AuthorizationClient newPhone = server.newBrowser().useDpopKey(DpopKey.generate());
        mfaLogin(newPhone, user);
        assertEquals(List.of(newPhone.dpop().thumbprint()), boundKeys(user), "no bind page: nothing was bound");
    }

    @Test
    void paymentConfirmationFromAnotherPhoneIsRefused() throws Exception {
        TestUser user = TestUsers.withOtp(server, "bind-pay");
        String id = new PaymentService(server).registerPayment(user.id(), "100.00", "Ada");
        AuthorizationClient otherPhone = server.newBrowser().useDpopKey(DpopKey.generate());
        Page page = otherPhone.passSecondFactor(otherPhone.submitPassword(otherPhone.authorize(
                otherPhone.authorizationParameters(Pkce.s256(), Map.of("acr_values", "transaction",
                        "authorization_details", PaymentService.reference(id)))), user.username(), user.password()), user);
        assertEquals("access_denied", page.appRedirectParameters().get("error"), page.body());
        assertEquals("PENDING", TransactionTable.status(server, id));
    }

    @Test
    void tokenRequestWithAProofOfAnotherKeyThanDpopJktIsRefused() {
        TestUser user = TestUsers.withOtp(server, "bind-otherkey");
        AuthorizationClient phone = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page done = phone.login(user, pkce, Map.of("acr_values", "mfa"));
        TokenResponse refused = phone.tokens().withDpop(DpopKey.generate()).exchangeCode(done.code(), pkce);
        assertEquals(400, refused.status());
        assertEquals("invalid_request", refused.error(), refused.body().toString());
    }

    @Test
    void replayedDpopProofIsRefused() {
        TestUser user = TestUsers.withOtp(server, "bind-replay");
        AuthorizationClient phone = server.newBrowser();
        TokenResponse tokens = mfaLogin(phone, user);
        String proof = phone.dpop().proof("POST", phone.tokens().tokenEndpoint());
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id",
                AuthorizationClient.MOBILE_APP, "refresh_token", tokens.refreshToken());
        TokenResponse first = phone.tokens().tokenRequest(refresh, proof);
        assertEquals(200, first.status(), first.body().toString());
        TokenResponse replay = phone.tokens().tokenRequest(Map.of("grant_type", "refresh_token", "client_id",
                AuthorizationClient.MOBILE_APP, "refresh_token", first.refreshToken()), proof);
        assertEquals(400, replay.status(), replay.body().toString());
    }

    @Test
    void refreshWithoutAProofIsRefused() {
        TestUser user = TestUsers.withOtp(server, "bind-noproof");
        AuthorizationClient phone = server.newBrowser();
        TokenResponse tokens = mfaLogin(phone, user);
        TokenResponse refused = phone.tokens().withDpop(null).refresh(tokens.refreshToken());
        assertEquals(400, refused.status());
        assertFalse(refused.ok());
    }

    private TokenResponse mfaLogin(AuthorizationClient phone, TestUser user) {
        Pkce pkce = Pkce.s256();
        Page done = phone.login(user, pkce, Map.of("acr_values", "mfa"));
        TokenResponse tokens = phone.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        return tokens;
    }

    private List<String> boundKeys(TestUser user) {
        return new KeycloakTables(server).query("select jkt from txauth_device_binding where user_id = ?", user.id()).stream()
                .map(row -> (String) row.get("jkt")).toList();
    }
}
