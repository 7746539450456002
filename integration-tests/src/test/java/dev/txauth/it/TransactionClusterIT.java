package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.KeycloakTables;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthCluster;
import dev.txauth.testkit.server.TxauthClusterTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.Totp;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §10: a payment's whole life may hop between the nodes, and everything single-use or counted holds
 * across them: one consume of a hundred, one use of a TOTP or SMS code, one count of wrong codes, one sign-out, one
 * daily limit for approvals racing on both nodes.
 */
@TxauthClusterTest
class TransactionClusterIT {

    private final TxauthCluster cluster;
    private final PaymentService serviceOnNode1;
    private final PaymentService serviceOnNode2;

    TransactionClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
        this.serviceOnNode1 = new PaymentService(cluster.node1());
        this.serviceOnNode2 = new PaymentService(cluster.node2());
    }

    @Test
    void registeredOnNodeOneConfirmedOnNodeTwoAndOneOfHundredConsumesAcrossBothNodesWins(@WithTotp TestUser user)
            throws Exception {
        String id = serviceOnNode1.registerPayment(user.id(), "75.00", "Ngozi Eze");
        ConfirmationPage page = new PaymentJourney(cluster.node2(), serviceOnNode2).confirmationPage(user, id);
        assertEquals("\u20a675.00", page.amount(), "node 2 shows node 1's payment");
        TokenResponse tokens = page.approveAndExchange();
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals(id, tokens.accessTokenClaims().path("txn_id").asText());

        serviceOnNode1.token();
        serviceOnNode2.token();
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Callable<Integer>> consumes = IntStream.range(0, 100).<Callable<Integer>>mapToObj(i ->
                    () -> (i % 2 == 0 ? serviceOnNode1 : serviceOnNode2).consume(id).status()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(consumes)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(99, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("CONSUMED", serviceOnNode2.get(id).json().path("status").asText());
        assertEquals("CONSUMED", serviceOnNode1.get(id).json().path("status").asText());
    }

    @Test
    void totpCodeUsedOnNodeOneIsRefusedOnNodeTwoInTheSameWindow(@WithTotp TestUser user) {
        AuthorizationClient phone = cluster.node1().newBrowser();
        String code = Totp.freshCode(user.otpSecret(), 10);
        Page afterPassword = phone.submitPassword(phone.authorize(phone.authorizationParameters(Pkce.s256(),
                Map.of("acr_values", "mfa"))), user.username(), user.password());
        assertTrue(phone.submitOtp(afterPassword, code).isAppRedirect(), "node 1 accepts the code once");

        cluster.node2().pin(phone);
        String id = serviceOnNode2.registerPayment(user.id(), "40.00", "Ada Obi");
        ConfirmationPage page = new PaymentJourney(cluster.node2(), serviceOnNode2).confirmationPage(phone, user, id);
        ConfirmationPage replayed = page.on(page.submitTotp(code));

        assertTrue(replayed.isShown(), "node 2 must refuse the code node 1 took: " + replayed.page().describe());
        assertEquals("PENDING", serviceOnNode1.get(id).json().path("status").asText());
        Page approved = replayed.approve();
        assertTrue(approved.isAppRedirect() && approved.appRedirectParameters().containsKey("code"),
                "an unused code still works: " + approved.describe());
    }

    @Test
    void smsCodeAcceptedOnNodeOneIsRefusedOnNodeTwo(@WithTotp @WithPhone("+2348039120001") TestUser user) {
        SmsGatewayStub gateway = cluster.smsGateway();
        ConfirmationPage page = new PaymentJourney(cluster.node1(), serviceOnNode1)
                .confirmationPage(user, "60.00", "Ada Obi");
        ConfirmationPage sent = page.on(page.sendSms());
        String code = gateway.awaitCode("+2348039120001", 1).code();
        Page approved = sent.submitCode(code);
        assertTrue(approved.isAppRedirect() && approved.appRedirectParameters().containsKey("code"),
                approved.describe());

        cluster.node2().pin(page.app());
        Page replay = sent.submitCode(code);
        assertFalse(replay.isAppRedirect() && replay.appRedirectParameters().containsKey("code"),
                "node 2 must not approve with the SMS code node 1 accepted: " + replay.describe());
        assertEquals("APPROVED", serviceOnNode2.get(page.transactionId()).json().path("status").asText());
    }

    @Test
    void fiveWrongCodesSplitAcrossNodesLockTheTransaction(@WithTotp TestUser user) {
        ConfirmationPage page = new PaymentJourney(cluster.node1(), serviceOnNode1)
                .confirmationPage(user, "80.00", "Ada Obi");
        String wrong = wrongCode(user);
        for (int attempt = 1; attempt <= 4; attempt++) {
            cluster.alternate(attempt).pin(page.app());
            page = page.on(page.submitTotp(wrong));
            assertTrue(page.isShown(), "attempt " + attempt + " on " + cluster.alternate(attempt));
        }
        cluster.alternate(5).pin(page.app());
        Page fifth = page.submitTotp(wrong);

        assertEquals("access_denied", fifth.appRedirectParameters().get("error"), fifth.describe());
        assertEquals("LOCKED", serviceOnNode1.get(page.transactionId()).json().path("status").asText());
        cluster.node2().pin(page.app());
        Page correctSixth = page.approve();
        assertFalse(correctSixth.isAppRedirect() && correctSixth.appRedirectParameters().containsKey("code"));
        assertEquals("LOCKED", serviceOnNode2.get(page.transactionId()).json().path("status").asText());
    }

    @Test
    void adminSignOutOnNodeOneVoidsRefreshAndConsumeOnNodeTwo(@WithTotp TestUser user) {
        ConfirmationPage page = new PaymentJourney(cluster.node2(), serviceOnNode2)
                .confirmationPage(user, "90.00", "Emeka Obi");
        TokenResponse tokens = page.approveAndExchange();
        assertEquals(200, tokens.status(), tokens.body().toString());

        cluster.node1().admin().logoutUser(user.id());

        TokenResponse refresh = cluster.node2().pin(page.app()).tokens().refresh(tokens.refreshToken());
        assertEquals(400, refresh.status(), "refresh after sign-out: " + refresh.body());
        PaymentService.Answer consumed = serviceOnNode2.consume(page.transactionId());
        assertEquals(410, consumed.status(), consumed.body());
        assertEquals("EXPIRED", serviceOnNode1.get(page.transactionId()).json().path("status").asText());
    }

    @Test
    void approvalsRacingOnBothNodesNeverPassTheDailyLimit() throws Exception {
        // a passkey without a signature counter: its assertions may reach the servers in any order
        TestUser user = TestUsers.user(cluster.node1(), "race").passkey(SoftwarePasskey.withoutSignCounter()).create();
        KeycloakTables tables = new KeycloakTables(cluster.node1());
        // daily limit NGN 5,000.00 (minor units), stored as the user's own limit (as ConcurrentApprovalsIT does)
        tables.update("INSERT INTO txauth_user_ledger (realm_id, user_id, limit_currency, daily_minor,"
                + " instant_payments_enabled, updated_at) SELECT r.id, ?, 'NGN', 500000, true, 0 FROM realm r"
                + " WHERE r.name = ?", user.id(), TxauthServer.REALM);
        List<ConfirmationPage> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PaymentService service = i % 2 == 0 ? serviceOnNode1 : serviceOnNode2;
            pages.add(new PaymentJourney(cluster.alternate(i), service)
                    .confirmationPage(user, service.registerPayment(user.id(), "1000.00", "Ada " + i)));
        }
        int approved = 0;
        for (Page done : ConfirmationPage.approveAllAtOnceWithPasskeys(pages)) {
            assertTrue(done.status() < 500, done.describe());
            approved += done.isAppRedirect() && done.appRedirectParameters().containsKey("code") ? 1 : 0;
        }
        assertEquals(5, approved, "exactly the limit's worth is approved across both nodes");
        long approvedMinor = tables.approvedLedgerMinor(user.id());
        assertTrue(approvedMinor <= 500_000, "approved " + approvedMinor + " kobo > the daily limit");
    }

    /** A code valid in no time step the server accepts now (look-around window 1). */
    static String wrongCode(TestUser user) {
        Instant now = Instant.now();
        List<String> valid = List.of(Totp.code(user.otpSecret(), now.minusSeconds(Totp.PERIOD_SECONDS)),
                Totp.code(user.otpSecret(), now), Totp.code(user.otpSecret(), now.plusSeconds(Totp.PERIOD_SECONDS)),
                Totp.code(user.otpSecret(), now.plusSeconds(2L * Totp.PERIOD_SECONDS)));
        return List.of("000000", "111111", "222222", "333333", "444444").stream().filter(c -> !valid.contains(c))
                .findFirst().orElseThrow();
    }
}
