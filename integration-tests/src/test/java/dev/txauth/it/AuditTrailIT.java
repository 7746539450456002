package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.HttpForms;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit story: every user and admin event lands in txauth_audit_event with the PCI DSS 10.2.2 fields. */
@TxauthKeycloakTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {

    private final TxauthServer server;
    private final AuditTable audit;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    AuditTrailIT(TxauthServer server, AuditTable audit, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.audit = audit;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    @Test
    @Order(1)
    void recordsLoginCodeExchangeRefreshTokenExchangeAndLogout() {
        TestUser user = TestUsers.withOtp(server, "audit-flow");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        TokenResponse refreshed = app.tokens().refresh(tokens.refreshToken());
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        TokenResponse exchanged = app.tokens().tokenExchange(TxauthServer.PAYMENT_SERVICE, server.paymentServiceSecret(),
                refreshed.accessToken(), null);
        assertEquals(200, exchanged.status(), exchanged.body().toString());
        HttpResponse<String> logout = app.send(HttpRequest.newBuilder(URI.create(server.realmUrl()
                        + "/protocol/openid-connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(Map.of("client_id", AuthorizationClient.MOBILE_APP,
                        "refresh_token", refreshed.refreshToken())))));
        assertEquals(204, logout.statusCode(), logout.body());

        Map<String, Object> login = audit.awaitRow(user.id(), "LOGIN");
        assertPciFields(login, "SUCCESS", app.clientIp());
        assertEquals(AuthorizationClient.MOBILE_APP, login.get("client_id"));
        assertEquals(user.username(), AuditTable.details(login).get("username").asText());
        assertNotNull(login.get("session_id"));
        assertPciFields(audit.awaitRow(user.id(), "CODE_TO_TOKEN"), "SUCCESS", app.clientIp());
        assertPciFields(audit.awaitRow(user.id(), "REFRESH_TOKEN"), "SUCCESS", app.clientIp());
        Map<String, Object> exchange = audit.awaitRow(user.id(), "TOKEN_EXCHANGE");
        assertPciFields(exchange, "SUCCESS", app.clientIp());
        assertEquals(TxauthServer.PAYMENT_SERVICE, exchange.get("client_id"));
        Map<String, Object> loggedOut = audit.awaitRow(user.id(), "LOGOUT");
        assertPciFields(loggedOut, "SUCCESS", app.clientIp());
        assertEquals(login.get("session_id"), loggedOut.get("session_id"));
    }

    @Test
    @Order(2)
    void recordsFailedLoginAsFailureWithTheError() {
        TestUser user = TestUsers.withPassword(server, "audit-fail");
        AuthorizationClient app = server.newBrowser();
        Page page = app.submitPassword(app.authorize(app.authorizationParameters(Pkce.s256(), Map.of())),
                user.username(), "wrong-password-1");
        assertFalse(page.isAppRedirect());
        Map<String, Object> row = audit.awaitRow(user.id(), "LOGIN_ERROR");
        assertPciFields(row, "FAILURE", app.clientIp());
        assertEquals("invalid_user_credentials", row.get("error"));
        assertFalse(row.get("details_json").toString().contains("wrong-password-1"));
    }

    @Test
    @Order(3)
    void recordsAdminUserCreationAndEverySessionRevocation() {
        // admin-cli issues lightweight tokens (no sub): look the bootstrap admin up instead
        String adminId = server.admin().get("/admin/realms/master/users?exact=true&username=admin").json().get(0)
                .get("id").asText();
        TestUser user = TestUsers.withOtp(server, "audit-admin");
        Map<String, Object> created = audit.awaitRow(user.id(), "ADMIN_CREATE_USER");
        assertEquals("ADMIN", created.get("kind"));
        assertEquals(adminId, created.get("user_id"), "the acting admin");
        assertEquals("users/" + user.id(), created.get("resource_path"));
        assertEquals("USER", created.get("resource_type"));
        assertNotNull(created.get("ip_address"));
        assertNotNull(created.get("occurred_at"));
        assertEquals("SUCCESS", created.get("outcome"));
        assertFalse(created.get("details_json").toString().contains(TestUsers.PASSWORD),
                "representation (with the password) is off by default");

        String sessionId = loginSessionId(user);
        AdminClient.Response deleted = server.admin().delete("/admin/realms/payments/sessions/" + sessionId);
        assertEquals(204, deleted.status(), deleted.body());
        List<Map<String, Object>> revoked = audit.query("SELECT * FROM txauth_audit_event WHERE type = "
                + "'ADMIN_SESSION_REVOKE' AND session_id = ?", sessionId);
        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        while (revoked.isEmpty() && System.currentTimeMillis() < deadline) {
            AuditTable.sleep(250);
            revoked = audit.query("SELECT * FROM txauth_audit_event WHERE type = 'ADMIN_SESSION_REVOKE' "
                    + "AND session_id = ?", sessionId);
        }
        assertEquals(1, revoked.size(), "session delete row");
        assertEquals(adminId, revoked.get(0).get("user_id"));
        assertEquals("USER_SESSION", revoked.get(0).get("resource_type"));

        loginSessionId(user);
        server.admin().logoutUser(user.id());
        Map<String, Object> logout = audit.awaitRow(user.id(), "ADMIN_USER_LOGOUT");
        assertEquals("users/" + user.id() + "/logout", logout.get("resource_path"));
        assertEquals(adminId, logout.get("user_id"));

        Instant before = Instant.now().minusSeconds(1);
        assertEquals(200, server.admin().post("/admin/realms/payments/push-revocation", null).status());
        assertEquals(200, server.admin().post("/admin/realms/payments/logout-all", null).status());
        awaitType(adminId, "ADMIN_PUSH_REVOCATION", before);
        awaitType(adminId, "ADMIN_REALM_LOGOUT_ALL", before);
    }

    @Test
    @Order(4)
    void searchEndpointFiltersNewestFirstAndOnlyAdminsMayUseIt() {
        TestUser user = TestUsers.withOtp(server, "audit-search");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        audit.awaitRow(user.id(), "CODE_TO_TOKEN");

        JsonNode all = server.admin().get("/admin/realms/payments/txauth-audit/events?user=" + user.id()).json();
        assertTrue(all.size() >= 3, all.toString());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).get("occurred_at").asText().compareTo(all.get(i).get("occurred_at").asText())
                    >= 0, "newest first: " + all);
        }
        JsonNode logins = server.admin().get("/admin/realms/payments/txauth-audit/events?user=" + user.id()
                + "&type=LOGIN&from=" + Instant.now().minusSeconds(600) + "&to=" + Instant.now().plusSeconds(60)
                + "&first=0&max=5").json();
        assertEquals(1, logins.size(), logins.toString());
        assertEquals("LOGIN", logins.get(0).get("type").asText());
        assertEquals(0, server.admin().get("/admin/realms/payments/txauth-audit/events?user=" + user.id()
                + "&to=2000-01-01T00:00:00Z").json().size());
        assertEquals(400, server.admin().get("/admin/realms/payments/txauth-audit/events?from=yesterday").status());
        assertEquals(400, server.admin().get("/admin/realms/payments/txauth-audit/events?max=100000").status());
        assertEquals(400, server.admin().get("/admin/realms/payments/txauth-audit/events?first=-1").status());

        for (String path : List.of("verify", "events")) {
            HttpResponse<String> asUser = app.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/admin/realms/payments/txauth-audit/" + path))
                    .header("Authorization", "Bearer " + tokens.accessToken()));
            assertEquals(403, asUser.statusCode(), path + " must be refused to a plain user");
            HttpResponse<String> anonymous = app.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/admin/realms/payments/txauth-audit/" + path)));
            assertEquals(401, anonymous.statusCode(), path + " must be refused without a token");
        }
    }

    @Test
    @Order(5)
    void metricsAreOnTheManagementPort() {
        TestUser user = TestUsers.withOtp(server, "audit-metrics");
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        audit.awaitRow(user.id(), "CODE_TO_TOKEN");
        String metrics = app.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics"))).body();
        for (String name : List.of("txauth_audit_queued_events_total", "txauth_audit_written_events_total",
                "txauth_audit_spooled_events_total", "txauth_audit_failed_events_total", "txauth_audit_queue_depth",
                "txauth_audit_write_seconds_count")) {
            assertTrue(metrics.contains(name), name + " missing from /metrics");
        }
        double written = metrics.lines().filter(l -> l.startsWith("txauth_audit_written_events_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(written >= 2, "written counter " + written);
    }

    /** Issue 9, finding 11: who initiated, who approved how, and who took the payment (docs/api.md §7). */
    @Test
    @Order(6)
    void namesTheServiceAccountsAndTheApprovingSessionFactorAndCredential() {
        TestUser user = TestUsers.withOtp(server, "audit-actor");
        ConfirmationPage page = journey.confirmationPage(user, "50.00", "Ada Obi");
        TokenResponse tokens = page.approveAndExchange();
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals(200, paymentService.consume(page.transactionId()).status());
        String serviceAccount = serviceAccountUserId(TxauthServer.PAYMENT_SERVICE);
        String otpCredential = credentialId(user, "otp");

        for (String type : List.of("TXAUTH_TRANSACTION_REGISTERED", "TXAUTH_TRANSACTION_CONSUMED")) {
            JsonNode details = AuditTable.details(audit.awaitRow(user.id(), type));
            assertEquals(TxauthServer.PAYMENT_SERVICE, details.path("actor_client_id").asText(), type + " " + details);
            assertEquals(serviceAccount, details.path("actor_user_id").asText(), type + " " + details);
        }
        Map<String, Object> approved = audit.awaitRow(user.id(), "TXAUTH_TRANSACTION_APPROVED");
        assertEquals(tokens.accessTokenClaims().path("sid").asText(), approved.get("session_id"));
        JsonNode details = AuditTable.details(approved);
        assertEquals("totp", details.path("factor").asText(), details.toString());
        assertEquals(otpCredential, details.path("credential_id").asText(), details.toString());
        assertFalse(approved.get("details_json").toString().contains(user.otpSecret()), "never the secret");
    }

    private String serviceAccountUserId(String clientId) {
        String id = server.admin().get("/admin/realms/payments/clients?clientId=" + clientId).json().get(0)
                .path("id").asText();
        return server.admin().get("/admin/realms/payments/clients/" + id + "/service-account-user").json()
                .path("id").asText();
    }

    private String credentialId(TestUser user, String type) {
        for (JsonNode credential : server.admin().get("/admin/realms/payments/users/" + user.id() + "/credentials")
                .json()) {
            if (type.equals(credential.path("type").asText())) {
                return credential.path("id").asText();
            }
        }
        throw new AssertionError(user.username() + " has no " + type + " credential");
    }

    private void awaitType(String actor, String type, Instant since) {
        long deadline = System.currentTimeMillis() + AuditTable.WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> rows = audit.query("SELECT * FROM txauth_audit_event WHERE type = ? "
                    + "AND user_id = ? AND occurred_at >= ?", type, actor, OffsetDateTime.parse(since.toString()
                    .replace("Z", "+00:00")));
            if (!rows.isEmpty()) {
                assertEquals("REALM", rows.get(0).get("resource_type"));
                assertNotNull(rows.get(0).get("ip_address"));
                return;
            }
            AuditTable.sleep(250);
        }
        throw new AssertionError("no " + type + " row by " + actor);
    }

    private String loginSessionId(TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        return tokens.accessTokenClaims().get("sid").asText();
    }

    static void assertPciFields(Map<String, Object> row, String outcome, String clientIp) {
        assertNotNull(row.get("event_id"));
        assertNotNull(row.get("occurred_at"), "UTC time");
        assertNotNull(row.get("user_id"), "user identification");
        assertNotNull(row.get("type"), "event type");
        assertEquals(outcome, row.get("outcome"), "success or failure");
        assertEquals(clientIp, row.get("ip_address"), "origin");
        assertNotNull(row.get("resource_type"), "affected resource");
        assertNotNull(row.get("resource_path"), "affected resource");
        assertEquals(64, row.get("hash").toString().length());
    }
}
