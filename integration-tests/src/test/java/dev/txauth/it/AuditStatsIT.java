package dev.txauth.it;

import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.client.AppToken;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.RealmAdmins;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/api.md §12: the stats an operations admin reads, counted in PostgreSQL from what real flows recorded. */
@TxauthKeycloakTest
class AuditStatsIT {

    private static final String STATS = "/txauth-audit/stats";
    private static final Map<String, String> SERIES_OF_TYPE = Map.of("logins", "LOGIN", "failed_logins",
            "LOGIN_ERROR", "transactions_registered", "TXAUTH_TRANSACTION_REGISTERED", "transactions_approved",
            "TXAUTH_TRANSACTION_APPROVED", "transactions_consumed", "TXAUTH_TRANSACTION_CONSUMED", "bound_devices",
            "TXAUTH_DEVICE_TRUSTED");

    private final TxauthServer server;
    private final AuditTable audit;
    private final PaymentJourney journey;
    private final PaymentService payments;

    AuditStatsIT(TxauthServer server, AuditTable audit, PaymentJourney journey, PaymentService payments) {
        this.server = server;
        this.audit = audit;
        this.journey = journey;
        this.payments = payments;
    }

    @Test
    void countsMatchTheRowsOfLoginsAFailedLoginAndAPayment() {
        TestUser admin = TestUsers.withOtp(server, "stats-admin");
        RealmAdmins.grant(server, admin, "view-events");
        AppToken token = RealmAdmins.accessToken(server, admin);
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        String query = "?bucket=hour&from=" + from + "&to=" + to;
        JsonNode before = stats(token, query);

        TestUser payer = TestUsers.withOtp(server, "stats-payer");
        RealmAdmins.accessToken(server, payer);
        AuthorizationClient wrong = server.newBrowser();
        wrong.submitPassword(wrong.authorize(wrong.authorizationParameters(Pkce.s256(), Map.of())), payer.username(),
                "wrong-password-1");
        ConfirmationPage page = journey.confirmationPage(payer, "12345.67", "Ada Obi");
        TokenResponse approved = page.approveAndExchange();
        assertEquals(200, approved.status(), approved.body().toString());
        assertEquals(200, payments.consume(page.transactionId()).status());
        audit.awaitRows(payer.id(), rows -> rows.stream().filter(r -> "LOGIN".equals(r.get("type"))).count() >= 2
                && rows.stream().anyMatch(r -> "LOGIN_ERROR".equals(r.get("type")))
                && rows.stream().anyMatch(r -> "TXAUTH_TRANSACTION_CONSUMED".equals(r.get("type"))),
                "two logins, a failed login and a consumed payment");

        JsonNode after = stats(token, query);
        assertTrue(delta(before, after, "logins") >= 2, "two logins of the payer");
        assertTrue(delta(before, after, "failed_logins") >= 1);
        assertTrue(delta(before, after, "transactions_registered") >= 1);
        assertTrue(delta(before, after, "transactions_consumed") >= 1);
        assertEquals(0, new BigDecimal("12345.67").compareTo(after.path("totals").path("ngn_volume_consumed")
                .decimalValue().subtract(before.path("totals").path("ngn_volume_consumed").decimalValue())),
                "NGN volume of the consumed payment, from txauth_transaction");
        assertEquals("txauth_audit_event", after.path("sources").path("throttled_ips").asText());

        String realmId = server.admin().get("/admin/realms/payments").json().get("id").asText();
        for (Map.Entry<String, String> e : SERIES_OF_TYPE.entrySet()) {
            assertEquals(rows(realmId, "type = ?", e.getValue(), from, to), after.path("totals").path(e.getKey())
                    .asLong(), e.getKey() + " = rows of type " + e.getValue());
        }
        for (String decision : List.of("ALLOW", "STEP_UP", "STEP_UP_PASSKEY", "DENY")) {
            assertEquals(rows(realmId, "type = 'TXAUTH_RISK_DECISION' AND details ->> 'risk_decision' = ?", decision,
                    from, to), after.path("totals").path("risk_" + decision.toLowerCase()).asLong(), decision);
        }
        assertEquals(after.path("totals").path("risk_step_up").asLong()
                + after.path("totals").path("risk_step_up_passkey").asLong(), after.path("totals").path("step_ups")
                .asLong());
        long perBucket = 0;
        for (JsonNode n : after.path("series").path("logins")) {
            perBucket += n.asLong();
        }
        assertEquals(after.path("totals").path("logins").asLong(), perBucket);
        assertEquals(after.path("buckets").size(), after.path("series").path("logins").size(), "dense series");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
        "bucket=week",
        "bucket=day%27--",
        "from=2025-01-01T00:00:00Z&to=2026-02-06T00:00:00Z",
        "from=2026-03-01%27%3B%20DROP%20TABLE%20txauth_audit_event%3B--",
        "to=1%20OR%201%3D1",
        "from=01%2F03%2F2026",
        "from=2026-03-01%2000%3A00"
    })
    void refusesABadParameterWith400AndChangesNothing(String query) {
        long rowsBefore = count("SELECT count(*) AS n FROM txauth_audit_event");
        AdminClient.Response response = server.admin().get("/admin/realms/payments" + STATS + "?" + query);
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request", response.json().path("error").asText());
        assertTrue(count("SELECT count(*) AS n FROM txauth_audit_event") >= rowsBefore, "the table is still there");
    }

    @Test
    void aTokenWithoutViewEventsIs403() {
        TestUser user = TestUsers.withOtp(server, "stats-user");
        AppToken plain = RealmAdmins.accessToken(server, user);
        assertEquals(403, RealmAdmins.get(server, plain, STATS).statusCode());
        assertEquals(403, RealmAdmins.get(server, plain, "/txauth-audit/users/" + user.id() + "/transactions")
                .statusCode());
        TestUser usersOnly = TestUsers.withOtp(server, "stats-view-users");
        RealmAdmins.grant(server, usersOnly, "view-users");
        HttpResponse<String> other = RealmAdmins.get(server, RealmAdmins.accessToken(server, usersOnly), STATS);
        assertEquals(403, other.statusCode(), "an admin of users only: " + other.body());
    }

    @Test
    void userTransactionsShowPayeeAndOnlyTheAccountsLastFourDigits() {
        TestUser payer = TestUsers.withOtp(server, "stats-txn");
        String id = payments.registerPayment(payer.id(), "5000.00", "Ada Obi");
        AdminClient.Response list = server.admin().get("/admin/realms/payments/txauth-audit/users/" + payer.id()
                + "/transactions");
        assertEquals(200, list.status(), list.body());
        JsonNode t = list.json().get(0);
        assertEquals(id, t.path("transaction_id").asText());
        assertEquals("PENDING", t.path("status").asText());
        assertEquals("Ada Obi", t.path("payee").asText());
        assertEquals("5000.00", t.path("amount").asText());
        assertEquals("6789", t.path("account_last4").asText());
        assertTrue(!list.body().contains("0123456789"), "no full account number: " + list.body());
    }

    private JsonNode stats(AppToken token, String query) {
        HttpResponse<String> response = RealmAdmins.get(server, token, STATS + query);
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body());
    }

    private static long delta(JsonNode before, JsonNode after, String series) {
        return after.path("totals").path(series).asLong() - before.path("totals").path(series).asLong();
    }

    private long rows(String realmId, String condition, String value, Instant from, Instant to) {
        return count("SELECT count(*) AS n FROM txauth_audit_event WHERE realm_id = ? AND " + condition
                + " AND occurred_at >= ? AND occurred_at < ?", realmId, value,
                OffsetDateTime.ofInstant(from.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private long count(String sql, Object... args) {
        return Long.parseLong(String.valueOf(audit.query(sql, args).get(0).get("n")));
    }
}
