package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.DpopKey;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8): the CBN payment controls on a real server — the cooling period of a new account, the user's
 * own limits and the instant-payments opt-out through {@code me/...} with the fresh-MFA rule, every refusal a §8
 * {@code 422} body, every change an audit event.
 */
@TxauthKeycloakTest
class PaymentControlsIT {

    private static final String SETTINGS = "/admin/realms/payments/txauth-settings";

    private final TxauthServer server;
    private final AuditTable audit;
    private final PaymentService payments;
    private final PaymentJourney journey;
    private final KeycloakTables tables;

    PaymentControlsIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
        this.payments = new PaymentService(server);
        this.journey = new PaymentJourney(server, payments);
        this.tables = new KeycloakTables(server);
    }

    @Test
    void newAccountMayHaveTwentyThousandApprovedThenTheWindowEnds() {
        TestUser user = TestUsers.user(server, "cooling").totp().newAccount().create();
        String first = payments.registerPayment(user.id(), "15000.00", "Ada");
        assertTrue(journey.confirmationPage(user, first).approveAndExchange().ok());
        assertEquals(1, tables.query("select jkt from txauth_device_binding where user_id = ?", user.id()).size(),
                "the first confirmation with a second factor bound the phone");

        PaymentService.Answer refused = register(user, "6000.00");
        assertEquals(422, refused.status(), refused.body());
        assertEquals(Json.parse("{\"error\":\"limit_exceeded\",\"limit\":\"cooling_period\",\"remaining\":\"5000.00\","
                + "\"currency\":\"NGN\"}"), refused.json());
        assertEquals("cooling_period", AuditTable.details(audit.awaitRow(user.id(), "TXAUTH_LIMIT_REFUSED"))
                .path("limit").asText());
        assertEquals(201, register(user, "5000.00").status(), "the remaining amount itself fits");

        // 25 hours later (the account and the binding are as old as that): the cooling period is over
        backdate(user, 25);
        assertEquals(201, register(user, "6000.00").status());
    }

    @Test
    void ownLimitsNeedAFreshSecondFactorAndApplyToTheNextRegistration() {
        TestUser user = TestUsers.withOtp(server, "limits");
        AppToken token = mfaToken(user);
        JsonNode none = Json.parse(me(token, "GET", "limits", null).body());
        assertTrue(none.path("per_transaction").isNull() && none.path("daily").isNull(), none.toString());

        HttpResponse<String> put = me(token, "PUT", "limits", "{\"per_transaction\":\"50000.00\",\"daily\":\"80000.00\"}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("50000.00", Json.parse(me(token, "GET", "limits", null).body()).path("per_transaction").asText());
        audit.awaitRow(user.id(), "TXAUTH_LIMITS_CHANGED");

        PaymentService.Answer over = register(user, "60000.00");
        assertEquals(422, over.status(), over.body());
        assertEquals("per_transaction", over.json().path("limit").asText());
        assertEquals("50000.00", over.json().path("remaining").asText());
        assertEquals(201, register(user, "40000.00").status());
    }

    @Test
    void dailyLimitCountsWhatWasApprovedToday() {
        // a passkey: three sign-ins in a row would spend every TOTP code of the current window
        TestUser user = TestUsers.user(server, "daily").passkey(SoftwarePasskey.withoutSignCounter()).create();
        AppToken token = mfaToken(user);
        assertEquals(200, me(token, "PUT", "limits", "{\"per_transaction\":\"800.00\",\"daily\":\"1000.00\"}")
                .statusCode());
        String id = payments.registerPayment(user.id(), "700.00", "Ada");
        ConfirmationPage page = journey.confirmationPage(user, id);
        assertTrue(page.exchange(page.approveWithPasskey()).ok());
        String declined = payments.registerPayment(user.id(), "300.00", "Ada");
        journey.confirmationPage(user, declined).decline();

        PaymentService.Answer over = register(user, "400.00");
        assertEquals(422, over.status(), over.body());
        assertEquals(Json.parse("{\"error\":\"limit_exceeded\",\"limit\":\"daily\",\"remaining\":\"300.00\","
                + "\"currency\":\"NGN\"}"), over.json(), "the declined 300.00 does not count");
    }

    @Test
    void optOutRefusesRegistrationAndOptingBackInNeedsAFreshSecondFactor() throws Exception {
        TestUser user = TestUsers.withOtp(server, "optout");
        AppToken early = mfaToken(user);
        assertTrue(Json.parse(me(early, "GET", "instant-payments", null).body()).path("enabled").asBoolean(),
                "new users start enabled");
        assertEquals(200, me(early, "PUT", "instant-payments", "{\"enabled\":false}").statusCode());
        assertEquals(Json.parse("{\"error\":\"instant_payments_disabled\"}"), register(user, "10.00").json());
        audit.awaitRow(user.id(), "TXAUTH_INSTANT_PAYMENTS_DISABLED");

        assertEquals(200, server.admin().put(SETTINGS, Map.of("fresh_mfa_seconds", 30)).status());
        try {
            Thread.sleep(31_000);
            HttpResponse<String> stale = me(early, "PUT", "instant-payments", "{\"enabled\":true}");
            assertEquals(401, stale.statusCode(), stale.body());
            assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A recent second "
                    + "factor is required\", acr_values=\"mfa\", max_age=0",
                    stale.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, me(early, "PUT", "limits", "{\"per_transaction\":null,\"daily\":\"5.00\"}")
                    .statusCode());
            assertEquals(422, register(user, "10.00").status(), "still opted out");

            AppToken fresh = mfaToken(user);
            assertEquals(200, me(fresh, "PUT", "instant-payments", "{\"enabled\":true}").statusCode());
        } finally {
            assertEquals(200, server.admin().put(SETTINGS, Map.of("fresh_mfa_seconds", 300)).status());
        }
        assertEquals(201, register(user, "10.00").status());
        audit.awaitRow(user.id(), "TXAUTH_INSTANT_PAYMENTS_ENABLED");
    }

    @Test
    void onlyTheUsersOwnDpopBoundTokenWithAProofOfItsKeyIsAccepted() {
        TestUser user = TestUsers.withOtp(server, "me-auth");
        AppToken token = mfaToken(user);
        URI limits = URI.create(server.realmUrl() + "/txauth/me/limits");
        assertEquals(200, token.send(HttpRequest.newBuilder(limits).GET()).statusCode());
        assertEquals(401, server.newBrowser().send(HttpRequest.newBuilder(limits).GET()
                .header("Authorization", "Bearer " + token.value())).statusCode(), "a bound token as Bearer");
        DpopKey other = DpopKey.generate();
        assertEquals(401, server.newBrowser().send(other.authorize(HttpRequest.newBuilder(limits).GET(), "GET", limits,
                token.value())).statusCode(), "a proof of another key");
        String proof = token.app().dpop().proof("GET", limits, token.value());
        HttpRequest.Builder first = HttpRequest.newBuilder(limits).GET().header("Authorization", "DPoP " + token.value())
                .header("DPoP", proof);
        assertEquals(200, server.newBrowser().send(first).statusCode());
        HttpRequest.Builder replay = HttpRequest.newBuilder(limits).GET().header("Authorization", "DPoP " + token.value())
                .header("DPoP", proof);
        assertEquals(401, server.newBrowser().send(replay).statusCode(), "a replayed proof");
        assertEquals(401, server.newBrowser().send(HttpRequest.newBuilder(limits).GET()).statusCode());
    }

    @Test
    void badInputIsA400AndChangesNothing() {
        TestUser user = TestUsers.withOtp(server, "me-bad");
        AppToken token = mfaToken(user);
        assertEquals(200, me(token, "PUT", "limits", "{\"per_transaction\":\"100.00\",\"daily\":\"200.00\"}")
                .statusCode());
        String before = me(token, "GET", "limits", null).body();
        for (String bad : List.of("{\"per_transaction\":\"-5.00\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"0\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"99999999999999.00\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"100.00\",\"daily\":\"25000000.01\"}",
                "{\"per_transaction\":\"1,000.00\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"1e3\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"100.001\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":100,\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"300.00\",\"daily\":\"200.00\"}",
                "{\"per_transaction\":\"100.00\",\"daily\":\"200.00\",\"currency\":\"USD\"}",
                "{\"per_transaction\":\"100.00\"}",
                "{\"per_transaction\":\"100.00\",\"per_transaction\":\"1.00\",\"daily\":\"200.00\"}",
                "[\"100.00\"]", "not json", "")) {
            HttpResponse<String> answer = me(token, "PUT", "limits", bad);
            assertEquals(400, answer.statusCode(), bad + " → " + answer.body());
            assertEquals("invalid_request", Json.parse(answer.body()).path("error").asText(), bad);
        }
        for (String bad : List.of("{\"enabled\":\"false\"}", "{\"enabled\":0}", "{\"enabled\":false,\"x\":1}", "{}")) {
            assertEquals(400, me(token, "PUT", "instant-payments", bad).statusCode(), bad);
        }
        assertEquals(before, me(token, "GET", "limits", null).body(), "nothing changed");
        assertTrue(Json.parse(me(token, "GET", "instant-payments", null).body()).path("enabled").asBoolean());
        assertEquals(1, audit.rowsOfUser(user.id()).stream()
                .filter(r -> "TXAUTH_LIMITS_CHANGED".equals(r.get("type"))).count(), "only the one real change");
        assertEquals(0, audit.rowsOfUser(user.id()).stream()
                .filter(r -> "TXAUTH_INSTANT_PAYMENTS_DISABLED".equals(r.get("type"))).count());
    }

    private PaymentService.Answer register(TestUser user, String amount) {
        return payments.register(PaymentService.registration(user.id(), AuthorizationClient.MOBILE_APP,
                PaymentService.paymentDetail(amount, "Ada")));
    }

    /** A token from a login with a second factor just now, on the user's own phone. */
    private AppToken mfaToken(TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of("acr_values", "mfa",
                "max_age", "0")).code(), pkce);
        assertEquals("mfa", tokens.accessTokenClaims().path("acr").asText());
        return new AppToken(app, tokens.accessToken());
    }

    private HttpResponse<String> me(AppToken token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.realmUrl() + "/txauth/me/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return token.send(request);
    }

    /** As if {@code hours} had passed since the account was opened and its phone bound. */
    private void backdate(TestUser user, int hours) {
        long millis = hours * 3_600_000L;
        tables.update("UPDATE user_entity SET created_timestamp = created_timestamp - ? WHERE id = ?", millis, user.id());
        tables.update("UPDATE txauth_device_binding SET bound_at = bound_at - make_interval(hours => ?) WHERE user_id = ?",
                hours, user.id());
        assertEquals(204, server.admin().post("/admin/realms/payments/clear-user-cache", null).status());
    }
}
