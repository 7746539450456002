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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        ExecutorService pool = Executors.newFixedThreadPool(PAYMENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> results = new ArrayList<>();
        try {
            for (ConfirmationPage page : pages) {
                Map<String, String> assertion = page.passkeyAssertion();
                results.add(pool.submit(() -> {
                    start.await();
                    return page.submitPasskey(assertion);
                }));
            }
            start.countDown();
            int approved = 0;
            for (Future<Page> result : results) {
                Page done = result.get();
                if (done.isAppRedirect() && done.appRedirectParameters().containsKey("code")) {
                    approved++;
                }
            }
            assertEquals(10, approved, "exactly the limit's worth is approved");
        } finally {
            pool.shutdownNow();
        }

        long approvedMinor = Long.parseLong(String.valueOf(tables.query("SELECT coalesce(sum(e.amount_minor), 0) AS s"
                + " FROM txauth_ledger_entry e JOIN txauth_transaction t ON t.id = e.transaction_id"
                + " WHERE e.user_id = ? AND t.status IN ('APPROVED', 'CONSUMED')", user.id()).get(0).get("s")));
        assertTrue(approvedMinor <= 1_000_000, "approved " + approvedMinor + " kobo > the daily limit");
        List<Map<String, Object>> statuses = tables.query("SELECT status, count(*) AS n FROM txauth_transaction"
                + " WHERE user_id = ? GROUP BY status ORDER BY status", user.id());
        assertEquals(List.of(Map.of("status", "APPROVED", "n", "10"), Map.of("status", "DECLINED", "n", "10")),
                statuses, "the ten over the limit were declined at approval");
    }
}
