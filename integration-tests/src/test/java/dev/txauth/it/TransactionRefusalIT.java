package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.TransactionTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Nested;
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

import static dev.txauth.testkit.client.PaymentService.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: every way a confirmation can go wrong ends without approval and without showing someone else's payment. */
@TxauthKeycloakTest
class TransactionRefusalIT {

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    TransactionRefusalIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
    }

    private static void assertErrorRedirect(Page page, String error) {
        assertTrue(page.isAppRedirect(), () -> "expected an error redirect, got " + page.describe());
        Map<String, String> params = page.appRedirectParameters();
        assertEquals(error, params.get("error"), params.toString());
        assertNull(params.get("code"));
    }

    private static void assertShowsNothingOf(Page page, String payee) {
        assertFalse(page.body() != null && page.body().contains(payee), "the page revealed the payee");
        assertFalse(page.body() != null && page.body().contains("50,000"), "the page revealed the amount");
    }

    private static boolean gaveCode(Page page) {
        return page.isAppRedirect() && page.appRedirectParameters().containsKey("code");
    }

    /** The request names a payment this user, this app or this moment may not confirm: no page, no approval. */
    @Nested
    class RequestNamingTheWrongPayment {

        @Test
        void requestDetailDifferingFromRegisteredIsRefused(@WithTotp TestUser user) throws Exception {
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("type", "payment_initiation");
            member.put("identifier", id);
            member.put("instructedAmount", Map.of("currency", "NGN", "amount", "5000.00"));
            assertErrorRedirect(journey.open(user, Json.write(List.of(member))).page(),
                    "invalid_authorization_details");
            assertEquals("PENDING", TransactionTable.status(server, id));

            member.put("instructedAmount", Map.of("currency", "NGN", "amount", "50000.00"));
            member.put("creditorName", "Ada Obi");
            assertTrue(journey.open(user, Json.write(List.of(member))).isShown(), "identical repeated fields are fine");
        }

        @Test
        void otherUsersTransactionIsRefusedWithoutDetails(@WithTotp TestUser owner, @WithTotp TestUser intruder) {
            String id = paymentService.registerPayment(owner.id(), "50000.00", "Secret Payee");
            Page page = journey.open(intruder, reference(id)).page();
            assertErrorRedirect(page, "invalid_authorization_details");
            assertShowsNothingOf(page, "Secret Payee");
            assertEquals("PENDING", paymentService.get(id).json().path("status").asText());
        }

        @Test
        void otherClientsTransactionIsRefused(@WithTotp TestUser user) {
            PaymentService.Answer registered = paymentService.register(PaymentService.registration(user.id(),
                    "account-console", PaymentService.paymentDetail("50000.00", "Secret Payee")));
            assertEquals(201, registered.status(), registered.body());
            Page page = journey.open(user, reference(registered.json().path("transaction_id").asText())).page();
            assertErrorRedirect(page, "invalid_authorization_details");
            assertShowsNothingOf(page, "Secret Payee");
        }

        @Test
        void unknownTransactionIsRefused(@WithTotp TestUser user) {
            Page page = journey.open(user, reference("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).page();
            assertErrorRedirect(page, "invalid_authorization_details");
        }

        @Test
        void expiredTransactionIsRefusedAndMarkedExpired(@WithTotp TestUser user) throws Exception {
            String id = paymentService.registerPayment(user.id(), "50000.00", "Secret Payee");
            TransactionTable.expire(server, id);
            Page page = journey.open(user, reference(id)).page();
            assertErrorRedirect(page, "invalid_authorization_details");
            assertShowsNothingOf(page, "Secret Payee");
            assertEquals("EXPIRED", TransactionTable.status(server, id));
        }
    }

    /** The user reached the confirmation page; what they (or the clock, or an attacker) do there refuses it. */
    @Nested
    class OnTheConfirmationPage {

        @Test
        void transactionExpiringWhileThePageIsOpenShowsExpiredPage(@WithTotp TestUser user) throws Exception {
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            TransactionTable.expire(server, page.transactionId());
            Page ended = page.approve();
            assertFalse(ended.isAppRedirect());
            assertTrue(ended.document().select("#txauth-ended-message").text().contains("expired"), ended.body());
            assertTrue(ended.document().select("a#txauth-return").attr("href").contains("error=access_denied"));
            assertEquals("EXPIRED", TransactionTable.status(server, page.transactionId()));
        }

        @Test
        void declineEndsWithAccessDenied(@WithTotp TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            assertErrorRedirect(page.decline(), "access_denied");
            assertEquals("DECLINED", paymentService.get(page.transactionId()).json().path("status").asText());
            assertEquals(409, paymentService.consume(page.transactionId()).status());
        }

        @Test
        void fiveWrongCodesLockTheTransactionAndACorrectSixthIsRefused(@WithTotp TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            String id = page.transactionId();
            String correct = page.nextCode();
            String wrong = correct.equals("000000") ? "111111" : "000000";
            for (int attempt = 1; attempt <= 4; attempt++) {
                page = page.on(page.submitTotp(wrong));
                assertTrue(page.isShown(), "attempt " + attempt);
                String alert = page.page().document().select(".pf-v5-c-alert, .alert, [class*=alert]").text();
                assertTrue(alert.contains("could not be confirmed"), "generic error expected: " + alert);
            }
            assertErrorRedirect(page.submitTotp(wrong), "access_denied");
            assertEquals("LOCKED", paymentService.get(id).json().path("status").asText());

            assertFalse(gaveCode(page.submitTotp(correct)), "a correct sixth code on the stale page");
            // A fresh request cannot reopen it either. (Keycloak's own brute-force detection also counted the
            // failures, so the login itself may already refuse this user for a while: either way no code, no page.)
            ConfirmationPage sixthNewRequest = journey.open(user, reference(id));
            assertFalse(gaveCode(sixthNewRequest.page()));
            assertFalse(sixthNewRequest.isShown());
            assertEquals("LOCKED", paymentService.get(id).json().path("status").asText());
        }

        @Test
        void twentyParallelSubmissionsOfOneCodeApproveAtMostOnce(@WithTotp TestUser user) throws Exception {
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            AuthorizationClient app = page.app();
            String action = page.form().absUrl("action");
            String form = "otp=" + page.nextCode();
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
            String status = paymentService.get(page.transactionId()).json().path("status").asText();
            assertTrue(List.of("APPROVED", "PENDING", "LOCKED").contains(status), status);
        }
    }

    /** The request itself is not a well-formed transaction request. */
    @Nested
    class MalformedRequest {

        @Test
        void authorizationDetailsWithoutTransactionAcrCannotYieldATokenForIt(@WithTotp TestUser user,
                                                                             AuthorizationClient app) {
            String id = paymentService.registerPayment(user.id(), "50000.00", "Ada Obi");
            Pkce pkce = Pkce.s256();
            Page done = app.login(user, pkce, Map.of("authorization_details", reference(id)));
            TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
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
                Page page = app.authorize(app.authorizationParameters(Pkce.s256(), Map.of(
                        "acr_values", "transaction", "authorization_details", details)));
                assertErrorRedirect(page, "invalid_request");
            }
        }

        @Test
        void transactionAcrWithoutAuthorizationDetailsIsRefused(@WithTotp TestUser user, AuthorizationClient app) {
            Page page = app.authorize(app.authorizationParameters(Pkce.s256(), Map.of("acr_values", "transaction")));
            page = app.passSecondFactor(app.submitPassword(page, user.username(), user.password()), user);
            assertErrorRedirect(page, "invalid_authorization_details");
        }
    }
}
