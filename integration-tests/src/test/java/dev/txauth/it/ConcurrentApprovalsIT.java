package dev.txauth.it;

import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §8): twenty payments that each fit the daily limit but together are twice it, all registered
 * (nothing is approved yet, so each passes the registration check) and then all approved at the same instant. The
 * ledger row lock decides them one after the other: what ends up approved never exceeds the limit, summed from the
 * tables themselves.
 */
@TxauthKeycloakTest
class ConcurrentApprovalsIT {

    private static final int PAYMENTS = 20;

    private final TxauthServer server;
    private final PaymentService payments;
    private final PaymentJourney journey;
    private final KeycloakTables tables;

    ConcurrentApprovalsIT(TxauthServer server) {
        this.server = server;
        this.payments = new PaymentService(server);
        this.journey = new PaymentJourney(server, payments);
        this.tables = new KeycloakTables(server);
    }

    @Test
    void twentyRacingApprovalsNeverPassTheDailyLimit() throws Exception {
        // a passkey without a signature counter: its assertions may reach the server in any order
        TestUser user = TestUsers.user(server, "race").passkey(SoftwarePasskey.withoutSignCounter()).create();
        // daily limit NGN 10,000.00 (minor units), set as the user's own limit would be stored
        tables.update("INSERT INTO txauth_user_ledger (realm_id, user_id, limit_currency, daily_minor,"
                + " instant_payments_enabled, updated_at) SELECT r.id, ?, 'NGN', 1000000, true, 0 FROM realm r"
                + " WHERE r.name = ?", user.id(), TxauthServer.REALM);

        List<ConfirmationPage> pages = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String id = payments.registerPayment(user.id(), "1000.00", "Ada " + i);
            pages.add(journey.confirmationPage(user, id));
        }
        long approved = ConfirmationPage.approveAllAtOnceWithPasskeys(pages).stream()
                .filter(done -> done.isAppRedirect() && done.appRedirectParameters().containsKey("code")).count();
        assertEquals(10, approved, "exactly the limit's worth is approved");

        long approvedMinor = tables.approvedLedgerMinor(user.id());
        assertTrue(approvedMinor <= 1_000_000, "approved " + approvedMinor + " kobo > the daily limit");
        List<Map<String, Object>> statuses = tables.query("SELECT status, count(*) AS n FROM txauth_transaction"
                + " WHERE user_id = ? GROUP BY status ORDER BY status", user.id());
        assertEquals(List.of(Map.of("status", "APPROVED", "n", "10"), Map.of("status", "DECLINED", "n", "10")),
                statuses, "the ten over the limit were declined at approval");
    }
}
