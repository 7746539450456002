package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.RealmAdmins;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly roll-up {@code txauth_audit_hourly} behind the stats (docs/audit.md "Hourly roll-up") equals the raw
 * count of {@code txauth_audit_event} rows, key by key, after real flows, after the audit database was down and the
 * spool replayed, and after a SIGKILL that makes the writer replay events it had already stored; and the stats API
 * counts an event at the exact edge of {@code to} the way the rows do.
 */
@TxauthKeycloakTest
class AuditRollupIT {

    /**
     * Every key where the roll-up differs from a GROUP BY over the rows, in one statement (one snapshot, so a batch
     * the writer commits meanwhile is on both sides or on neither). The raw side is written here independently of
     * the product's SQL.
     */
    private static final String MISMATCHES = "WITH raw AS (SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') "
            + "AS h, type, outcome, CASE WHEN type = 'TXAUTH_RISK_DECISION' THEN coalesce(details ->> "
            + "'risk_decision', '') ELSE '' END AS d, (type = 'TXAUTH_RISK_DECISION' AND (',' || coalesce(details "
            + "->> 'risk_signals', '') || ',') LIKE '%,unknown_device,%') AS u, count(*) AS n FROM txauth_audit_event "
            + "WHERE realm_id = ? AND occurred_at >= ? GROUP BY 1, 2, 3, 4, 5), "
            + "rolled AS (SELECT hour_start AT TIME ZONE 'UTC' AS h, type, outcome, risk_decision AS d, "
            + "unknown_device AS u, events AS n FROM txauth_audit_hourly WHERE realm_id = ? AND hour_start >= ?) "
            + "SELECT coalesce(raw.h, rolled.h)::text AS hour, coalesce(raw.type, rolled.type) AS type, "
            + "coalesce(raw.d, rolled.d) AS decision, raw.n AS raw, rolled.n AS rolled FROM raw FULL JOIN rolled "
            + "ON raw.h = rolled.h AND raw.type = rolled.type AND raw.outcome = rolled.outcome AND raw.d = rolled.d "
            + "AND raw.u = rolled.u WHERE raw.n IS DISTINCT FROM rolled.n";

    private final TxauthServer server;
    private final AuditTable audit;
    private final PaymentJourney journey;
    private final PaymentService payments;

    AuditRollupIT(TxauthServer server, AuditTable audit, PaymentJourney journey, PaymentService payments) {
        this.server = server;
        this.audit = audit;
        this.journey = journey;
        this.payments = payments;
    }

    @Test
    void equalsTheRowsAfterLoginsAFailedLoginAndAPaymentAndCountsToExactlyLikeThem() {
        Instant since = Instant.now().truncatedTo(ChronoUnit.HOURS);
        TestUser payer = TestUsers.withOtp(server, "rollup-payer");
        AuthorizationClient wrong = server.newBrowser();
        wrong.submitPassword(wrong.authorize(wrong.authorizationParameters(Pkce.s256(), Map.of())), payer.username(),
                "wrong-password-1");
        ConfirmationPage page = journey.confirmationPage(payer, "5000.00", "Ada Obi");
        assertEquals(200, page.approveAndExchange().status());
        assertEquals(200, payments.consume(page.transactionId()).status());
        audit.awaitRows(payer.id(), rows -> has(rows, "LOGIN_ERROR") && has(rows, "TXAUTH_TRANSACTION_CONSUMED")
                && has(rows, "TXAUTH_RISK_DECISION"), "a failed login, a risk decision and a consumed payment");
        assertRollupEqualsRows(since);

        // The payer's last LOGIN, to the millisecond: `to` is exclusive, so it counts from the next millisecond on.
        String realmId = realmId();
        Map<String, Object> last = audit.query("SELECT (extract(epoch FROM occurred_at) * 1000)::bigint AS ms FROM "
                + "txauth_audit_event WHERE realm_id = ? AND type = 'LOGIN' AND user_id = ? ORDER BY occurred_at DESC "
                + "LIMIT 1", realmId, payer.id()).get(0);
        Instant at = Instant.ofEpochMilli(Long.parseLong(String.valueOf(last.get("ms"))));
        Instant from = since.minus(1, ChronoUnit.HOURS);
        long rowsBefore = rawCount(realmId, "LOGIN", from, at);
        assertEquals(rowsBefore, logins(from, at), "up to, not including, the last login");
        assertEquals(rowsBefore + rawCount(realmId, "LOGIN", at, at.plusMillis(1)), logins(from, at.plusMillis(1)));
        assertTrue(logins(from, at.plusMillis(1)) > logins(from, at), "the last login is counted from its millisecond");
        Instant now = Instant.now();
        assertEquals(rawCount(realmId, "LOGIN", from, now), logins(from, now), "whole hours plus the current one");
    }

    @Test
    void equalsTheRowsAfterAnOutageReplayedFromTheSpoolAndAReplayAfterSigkill() {
        Instant since = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(TestUsers.withOtp(server, "rollup-replay"));
        }
        // Killed right after a burst: batches the writer committed but had not checkpointed are replayed at start,
        // and must neither be stored nor counted twice.
        login(users.get(0));
        login(users.get(1));
        server.crashAndRestart();
        server.auditDatabase().stop();
        try {
            login(users.get(2));
            login(users.get(3));
        } finally {
            server.auditDatabase().start();
        }
        for (TestUser user : users) {
            List<Map<String, Object>> rows = audit.awaitRows(user.id(), r -> has(r, "CODE_TO_TOKEN"),
                    "the events of " + user.username());
            assertEquals(1, rows.stream().filter(r -> "LOGIN".equals(r.get("type"))).count(), rows.toString());
        }
        assertRollupEqualsRows(since);
        Instant now = Instant.now();
        assertEquals(rawCount(realmId(), "LOGIN", since, now), logins(since, now));
    }

    private void assertRollupEqualsRows(Instant since) {
        String realmId = realmId();
        OffsetDateTime from = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
        List<Map<String, Object>> wrong = audit.query(MISMATCHES, realmId, from, realmId, from);
        assertEquals(List.of(), wrong, "roll-up keys that differ from the rows");
        long rolled = Long.parseLong(String.valueOf(audit.query("SELECT coalesce(sum(events), 0) AS n FROM "
                + "txauth_audit_hourly WHERE realm_id = ? AND hour_start >= ?", realmId, from).get(0).get("n")));
        assertTrue(rolled > 0, "the roll-up has this test's events");
    }

    private long logins(Instant from, Instant to) {
        HttpResponse<String> r = RealmAdmins.getAdmin(server, server.admin().accessToken(),
                "/realms/" + TxauthServer.REALM + "/txauth-audit/stats?bucket=hour&from=" + from + "&to=" + to);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Json.parse(r.body());
        return body.path("totals").path("logins").asLong();
    }

    private long rawCount(String realmId, String type, Instant from, Instant to) {
        return Long.parseLong(String.valueOf(audit.query("SELECT count(*) AS n FROM txauth_audit_event WHERE "
                + "realm_id = ? AND type = ? AND occurred_at >= ? AND occurred_at < ?", realmId, type,
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .get(0).get("n")));
    }

    private String realmId() {
        return server.admin().get("/admin/realms/" + TxauthServer.REALM).json().get("id").asText();
    }

    private void login(TestUser user) {
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
    }

    private static boolean has(List<Map<String, Object>> rows, String type) {
        return rows.stream().anyMatch(r -> type.equals(r.get("type")));
    }
}
