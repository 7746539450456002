package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation story: the realm an admin imports behaves as the contract says, on the real server. */
@TxauthKeycloakTest
class FoundationIT {

    private final TxauthServer server;

    FoundationIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void importsPaymentsRealmWithContractSettings() {
        AuthorizationClient browser = server.newBrowser();
        HttpResponse<String> discovery = browser.send(HttpRequest.newBuilder(
                URI.create(server.realmUrl() + "/.well-known/openid-configuration")));
        assertEquals(200, discovery.statusCode());
        JsonNode metadata = dev.txauth.testkit.client.Json.parse(discovery.body());
        assertEquals(server.realmUrl(), metadata.get("issuer").asText());
        assertTrue(textValues(metadata.get("acr_values_supported")).containsAll(List.of("login", "mfa", "transaction")));

        JsonNode realm = server.admin().get("/admin/realms/payments").json();
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertTrue(realm.get("revokeRefreshToken").asBoolean());
        assertEquals(0, realm.get("refreshTokenMaxReuse").asInt());
        assertTrue(textValues(realm.get("eventsListeners")).contains("txauth-audit"));
        assertEquals("txauth", realm.get("loginTheme").asText());
    }

    @Test
    void mobileAppLogsInWithPkceAndGetsTokens(@WithTotp TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();

        Page done = app.login(user, pkce, Map.of());
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);

        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals(user.id(), claims.get("sub").asText());
        assertEquals("mobile-app", claims.get("azp").asText());
        assertTrue(textValues(claims.get("aud")).contains("payment-service"), "payment-service must accept the token");
        assertEquals("login", claims.get("acr").asText());
        assertTrue(tokens.body().hasNonNull("refresh_token"));
        assertTrue(tokens.body().hasNonNull("id_token"));
    }

    @Test
    void mfaRequestDemandsTheSecondFactorAndYieldsAcrMfa(@WithTotp TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();

        Page afterPassword = app.submitPassword(app.authorize(app.authorizationParameters(pkce,
                Map.of("acr_values", "mfa"))), user.username(), user.password());
        assertTrue(afterPassword.form(AuthorizationClient.OTP_FORM).isPresent(), "mfa must ask for the TOTP code");
        // attempts of one user less than the realm's quick-login check (1 s) apart can trip Keycloak's brute-force
        // protection (user_temporarily_disabled); a person typing a code never is that fast
        pause(1_100);
        Page wrong = app.submitOtp(afterPassword, "000000".equals(dev.txauth.testkit.users.Totp.freshCode(user.otpSecret(), 3))
                ? "111111" : "000000");
        assertTrue(wrong.form(AuthorizationClient.OTP_FORM).isPresent(), "a wrong code must be refused");
        pause(1_100);
        Page done = app.submitOtp(wrong, dev.txauth.testkit.users.Totp.freshCode(user.otpSecret(), 3));

        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals("mfa", tokens.accessTokenClaims().get("acr").asText());
    }

    @Test
    void refusesCodeExchangeWithWrongVerifier(@WithTotp TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of());

        TokenResponse tokens = app.tokens().exchangeCode(done.code(), Pkce.s256());

        assertEquals(400, tokens.status());
        assertEquals("invalid_grant", tokens.error());
    }

    @Test
    void refusesAuthorizationWithoutPkce() {
        AuthorizationClient app = server.newBrowser();
        Page page = app.authorize(app.authorizationParameters(null, Map.of()));
        assertEquals("invalid_request", page.appRedirectParameters().get("error"));
    }

    @Test
    void refusesPlainPkce() {
        AuthorizationClient app = server.newBrowser();
        Page page = app.authorize(app.authorizationParameters(null, Map.of(
                "code_challenge", "plain-challenge-plain-challenge-plain-challenge-0123",
                "code_challenge_method", "plain")));
        assertEquals("invalid_request", page.appRedirectParameters().get("error"));
    }

    @Test
    void refusesImplicitFlow() {
        AuthorizationClient app = server.newBrowser();
        Page page = app.authorize(app.authorizationParameters(Pkce.s256(), Map.of("response_type", "token")));
        String error = page.appRedirectParameters().get("error");
        assertTrue(List.of("unauthorized_client", "unsupported_response_type").contains(error), error);
    }

    @Test
    void refusesPasswordGrant(TestUser user) {
        // with a DPoP proof, as mobile-app requires one at the token endpoint before anything else (docs/api.md §8)
        TokenResponse response = server.newBrowser().tokens().tokenRequest(Map.of("grant_type", "password",
                "client_id", "mobile-app", "username", user.username(),
                "password", user.password()));
        assertEquals(400, response.status());
        assertEquals("unauthorized_client", response.error());
    }

    @Test
    void paymentServiceGetsClientCredentialsTokenWithInitiatorRole() {
        TokenResponse tokens = server.tokens().clientCredentials(TxauthServer.PAYMENT_SERVICE,
                server.paymentServiceSecret());
        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode roles = tokens.accessTokenClaims().path("realm_access").path("roles");
        assertTrue(textValues(roles).contains("txauth-transaction-initiator"), roles.toString());
        assertFalse(tokens.body().hasNonNull("refresh_token"), "client credentials must not return a refresh token");
    }

    @Test
    void refusesPaymentServiceWithWrongSecret() {
        TokenResponse tokens = server.tokens().clientCredentials(TxauthServer.PAYMENT_SERVICE, "wrong-secret");
        assertEquals(401, tokens.status());
        assertEquals("unauthorized_client", tokens.error());
    }

    @Test
    void rotatesRefreshTokensAndRejectsReuse() {
        AuthorizationClient app = server.newBrowser();
        TokenResponse first = loggedIn(app);

        TokenResponse second = app.tokens().refresh(first.refreshToken());
        assertEquals(200, second.status(), second.body().toString());
        assertNotEquals(first.refreshToken(), second.refreshToken());

        TokenResponse reused = app.tokens().refresh(first.refreshToken());
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.error());
    }

    @Test
    void adminSignOutRevokesRefreshAndIntrospection(@WithTotp TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of());
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        String secret = server.paymentServiceSecret();
        assertTrue(app.tokens().introspect(tokens.accessToken(), TxauthServer.PAYMENT_SERVICE, secret).get("active").asBoolean());

        server.admin().logoutUser(user.id());

        assertFalse(app.tokens().introspect(tokens.accessToken(), TxauthServer.PAYMENT_SERVICE, secret).get("active")
                .asBoolean());
        TokenResponse refreshed = app.tokens().refresh(tokens.refreshToken());
        assertEquals(400, refreshed.status());
        assertEquals("invalid_grant", refreshed.error());
    }

    @Test
    void txauthProvidersAndThemeAreInstalled() throws Exception {
        JsonNode providers = server.admin().serverInfo().get("providers");
        assertTrue(providers.path("eventsListener").path("providers").has("txauth-audit"));
        assertTrue(providers.path("realm-restapi-extension").path("providers").has("txauth"));
        assertTrue(providers.path("protocol-mapper").path("providers").has("txauth-transaction-claims"));
        JsonNode loginThemes = server.admin().serverInfo().path("themes").path("login");
        assertTrue(textValues(loginThemes.findValues("name")).contains("txauth"), loginThemes.toString());

        String realmInfo = server.newBrowser().send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/txauth")))
                .body();
        assertEquals("payments", dev.txauth.testkit.client.Json.parse(realmInfo).get("realm").asText());
    }

    @Test
    void auditListenerStoresLoginEvents() throws Exception {
        TokenResponse tokens = loggedIn(server.newBrowser());
        String userId = tokens.accessTokenClaims().get("sub").asText();
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> types = List.of();
        while (System.currentTimeMillis() < deadline && !types.containsAll(List.of("LOGIN", "CODE_TO_TOKEN"))) {
            Thread.sleep(250);
            types = new ArrayList<>();
            try (var c = server.auditDatabase().open(); var ps = c.prepareStatement(
                    "SELECT type FROM txauth_audit_event WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.add(rs.getString(1));
                    }
                }
            } catch (java.sql.SQLException tableNotYetCreated) {
                // the writer creates it on its first connection
            }
        }
        assertTrue(types.containsAll(List.of("LOGIN", "CODE_TO_TOKEN")), "txauth_audit_event rows: " + types);
    }

    @Test
    void loginPageIsRenderedWithTxauthTheme() {
        AuthorizationClient app = server.newBrowser();
        Page login = app.authorize(app.authorizationParameters(Pkce.s256(), Map.of("ui_locales", "fr")));
        assertEquals(200, login.status());
        assertTrue(login.body().contains("/login/txauth/"), "login page does not use the txauth theme resources");
        assertTrue(login.document().title().startsWith("Connexion"), login.document().title());
    }

    /** A fresh user logged in through this app instance (its DPoP key: refresh needs a proof of the same key). */
    private TokenResponse loggedIn(AuthorizationClient app) {
        TestUser user = TestUsers.withOtp(server, "login");
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of());
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        return tokens;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> textValues(JsonNode arrayOrText) {
        List<String> values = new ArrayList<>();
        if (arrayOrText.isTextual()) {
            values.add(arrayOrText.asText());
        }
        arrayOrText.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> textValues(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
