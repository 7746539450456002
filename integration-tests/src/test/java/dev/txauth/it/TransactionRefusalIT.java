package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.database.TransactionTable;
import dev.txauth.testkit.journey.TransactionConfirmation;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: every way a confirmation can go wrong ends without approval and without showing someone else's payment. */
@TxauthKeycloakTest
class TransactionRefusalIT {

    private final TxauthServer server;
    private final PaymentService paymentService;

    TransactionRefusalIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    private static void assertErrorRedirect(Page page, String error) {
        assertTrue(page.isAppRedirect(), () -> "expected an error redirect, got page " + page.uri() + ":\n"
                + page.document().text());
        Map<String, String> params = page.appRedirectParameters();
        assertEquals(error, params.get("error"), params.toString());
        assertNull(params.get("code"));
    }

    private static void assertShowsNothingOf(Page page, String payee) {
        assertFalse(page.body() != null && page.body().contains(payee), "the page revealed the payee");
        assertFalse(page.body() != null && page.body().contains("50,000"), "the page revealed the amount");
    }

    @Test
    void requestDetailDifferingFromRegisteredIsRefused() throws Exception {
        TestUser user = TestUsers.withOtp(server, "differ");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("type", "payment_initiation");
        member.put("identifier", id);
        member.put("instructedAmount", Map.of("currency", "NGN", "amount", "5000.00"));
        Page page = new TransactionConfirmation(server.newBrowser(), user).open(Json.write(List.of(member)));
        assertErrorRedirect(page, "invalid_authorization_details");
        assertEquals("PENDING", TransactionTable.status(server, id));

        member.put("instructedAmount", Map.of("currency", "NGN", "amount", "50000.00"));
        member.put("creditorName", "Ada Obi");
        Page same = new TransactionConfirmation(server.newBrowser(), user).open(Json.write(List.of(member)));
        assertTrue(same.form(TransactionConfirmation.CONFIRM_FORM).isPresent(), "identical repeated fields are fine");
    }

    @Test
    void otherUsersTransactionIsRefusedWithoutDetails() {
        TestUser owner = TestUsers.withOtp(server, "owner");
        TestUser intruder = TestUsers.withOtp(server, "intruder");
        String id = paymentService.registerPayment(owner.id(), "50000.00", "Secret Payee");
        Page page = new TransactionConfirmation(server.newBrowser(), intruder).open(
                TransactionConfirmation.reference(id));
        assertErrorRedirect(page, "invalid_authorization_details");
        assertShowsNothingOf(page, "Secret Payee");
        assertEquals("PENDING", paymentService.get(id).json().path("status").asText());
    }

    @Test
    void otherClientsTransactionIsRefused() {
        TestUser user = TestUsers.withOtp(server, "otherclient");
        PaymentService.Answer registered = paymentService.register(PaymentService.registration(user.id(),
                "account-console", PaymentService.paymentDetail("50000.00", "Secret Payee")));
        assertEquals(201, registered.status(), registered.body());
        Page page = new TransactionConfirmation(server.newBrowser(), user).open(TransactionConfirmation.reference(
                registered.json().path("transaction_id").asText()));
        assertErrorRedirect(page, "invalid_authorization_details");
        assertShowsNothingOf(page, "Secret Payee");
    }

    @Test
    void unknownTransactionIsRefused() {
        TestUser user = TestUsers.withOtp(server, "unknown");
        Page page = new TransactionConfirmation(server.newBrowser(), user).open(
                TransactionConfirmation.reference("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertErrorRedirect(page, "invalid_authorization_details");
    }

    @Test
    void expiredTransactionIsRefusedAndMarkedExpired() throws Exception {
        TestUser user = TestUsers.withOtp(server, "expired");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Secret Payee");
        TransactionTable.expire(server, id);
        Page page = new TransactionConfirmation(server.newBrowser(), user).open(TransactionConfirmation.reference(id));
        assertErrorRedirect(page, "invalid_authorization_details");
        assertShowsNothingOf(page, "Secret Payee");
        assertEquals("EXPIRED", TransactionTable.status(server, id));
    }

    @Test
    void transactionExpiringWhileThePageIsOpenShowsExpiredPage() throws Exception {
        TestUser user = TestUsers.withOtp(server, "expiring");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        TransactionConfirmation confirmation = new TransactionConfirmation(server.newBrowser(), user);
        Page page = confirmation.open(TransactionConfirmation.reference(id));
        TransactionTable.expire(server, id);
        Page ended = confirmation.confirm(page, confirmation.nextCode());
        assertFalse(ended.isAppRedirect());
        assertTrue(ended.document().select("#txauth-ended-message").text().contains("expired"), ended.body());
        assertTrue(ended.document().select("a#txauth-return").attr("href").contains("error=access_denied"));
        assertEquals("EXPIRED", TransactionTable.status(server, id));
    }

    @Test
    void declineEndsWithAccessDenied() throws Exception {
        TestUser user = TestUsers.withOtp(server, "decline");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        TransactionConfirmation confirmation = new TransactionConfirmation(server.newBrowser(), user);
        Page page = confirmation.open(TransactionConfirmation.reference(id));
        assertErrorRedirect(confirmation.decline(page), "access_denied");
        assertEquals("DECLINED", paymentService.get(id).json().path("status").asText());
        assertEquals(409, paymentService.consume(id).status());
    }

    @Test
    void fiveWrongCodesLockTheTransactionAndACorrectSixthIsRefused() throws Exception {
        TestUser user = TestUsers.withOtp(server, "locked");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        TransactionConfirmation confirmation = new TransactionConfirmation(server.newBrowser(), user);
        Page page = confirmation.open(TransactionConfirmation.reference(id));
        String correct = confirmation.nextCode();
        String wrong = correct.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            page = confirmation.confirm(page, wrong);
            assertTrue(page.form(TransactionConfirmation.CONFIRM_FORM).isPresent(), "attempt " + attempt);
            String alert = page.document().select(".pf-v5-c-alert, .alert, [class*=alert]").text();
            assertTrue(alert.contains("could not be confirmed"), "generic error expected: " + alert);
        }
        Page fifth = confirmation.confirm(page, wrong);
        assertErrorRedirect(fifth, "access_denied");
        assertEquals("LOCKED", paymentService.get(id).json().path("status").asText());

        Page sixthOnStalePage = confirmation.confirm(page, correct);
        assertFalse(sixthOnStalePage.isAppRedirect() && sixthOnStalePage.appRedirectParameters().containsKey("code"));
        // A fresh request cannot reopen it either. (Keycloak's own brute-force detection also counted the failures,
        // so the login itself may already refuse this user for a while: either way no code, no page.)
        Page sixthNewRequest = new TransactionConfirmation(server.newBrowser(), user).open(
                TransactionConfirmation.reference(id));
        assertFalse(sixthNewRequest.isAppRedirect() && sixthNewRequest.appRedirectParameters().containsKey("code"));
        assertFalse(sixthNewRequest.form(TransactionConfirmation.CONFIRM_FORM).isPresent());
        assertEquals("LOCKED", paymentService.get(id).json().path("status").asText());
    }

    @Test
    void twentyParallelSubmissionsOfOneCodeApproveAtMostOnce() throws Exception {
        TestUser user = TestUsers.withOtp(server, "race");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        AuthorizationClient app = server.newBrowser();
        TransactionConfirmation confirmation = new TransactionConfirmation(app, user);
        Page page = confirmation.open(TransactionConfirmation.reference(id));
        String action = page.form(TransactionConfirmation.CONFIRM_FORM).orElseThrow().absUrl("action");
        String form = "otp=" + confirmation.nextCode();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(() -> app.send(HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))));
            }
            int codes = 0;
            for (Future<HttpResponse<String>> f : pool.invokeAll(posts)) {
                String location = f.get().headers().firstValue("Location").orElse("");
                if (location.startsWith(AuthorizationClient.MOBILE_REDIRECT) && location.contains("code=")) {
                    codes++;
                }
            }
            assertTrue(codes <= 1, codes + " authorization codes from one TOTP code");
        } finally {
            pool.shutdownNow();
        }
        String status = paymentService.get(id).json().path("status").asText();
        assertTrue(List.of("APPROVED", "PENDING", "LOCKED").contains(status), status);
    }

    @Test
    void authorizationDetailsWithoutTransactionAcrCannotYieldATokenForIt() {
        TestUser user = TestUsers.withOtp(server, "noacr");
        String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
        AuthorizationClient app = server.newBrowser();
        dev.txauth.testkit.client.Pkce pkce = dev.txauth.testkit.client.Pkce.s256();
        Page done = app.login(user, pkce, Map.of("authorization_details", TransactionConfirmation.reference(id)));
        dev.txauth.testkit.client.TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(400, tokens.status(), tokens.body().toString());
        assertEquals("invalid_authorization_details", tokens.error());
        assertEquals("PENDING", paymentService.get(id).json().path("status").asText());
    }

    @Test
    void malformedAuthorizationDetailsAreRejectedAtTheAuthorizationEndpoint() {
        for (String details : List.of("[{\"type\":\"payment_initiation\"}]",
                "[{\"type\":\"payment_initiation\",\"identifier\":\"x\",\"debtorAccount\":{}}]",
                "[{\"type\":\"unknown_type\",\"identifier\":\"x\"}]", "not json")) {
            AuthorizationClient app = server.newBrowser();
            Page page = app.authorize(app.authorizationParameters(dev.txauth.testkit.client.Pkce.s256(), Map.of(
                    "acr_values", "transaction", "authorization_details", details)));
            assertErrorRedirect(page, "invalid_request");
        }
    }

    @Test
    void transactionAcrWithoutAuthorizationDetailsIsRefused() {
        TestUser user = TestUsers.withOtp(server, "nodetails");
        AuthorizationClient app = server.newBrowser();
        Page page = app.authorize(app.authorizationParameters(dev.txauth.testkit.client.Pkce.s256(), Map.of(
                "acr_values", "transaction")));
        page = app.submitPassword(page, user.username(), user.password());
        page = app.submitOtp(page, dev.txauth.testkit.users.Totp.freshCode(user.otpSecret(), 4));
        assertErrorRedirect(page, "invalid_authorization_details");
    }
}
