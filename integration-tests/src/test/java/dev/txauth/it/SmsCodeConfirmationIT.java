package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.SmsGatewayStub;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story (docs/api.md §9): a user with a verified phone asks for a code by SMS on the
 * confirmation page; the SMS names the payment; the code approves this payment only, once, in time; wrong codes
 * lock it like wrong TOTP codes; sending is capped and a capped send reaches no gateway.
 * The SMS go through Keycloak's {@code http} provider to a real HTTP gateway on loopback ({@link SmsGatewayStub}).
 */
@TxauthKeycloakTest
class SmsCodeConfirmationIT {

    static final String SETTINGS = "/admin/realms/payments/txauth-settings";
    /** Server time from the {@code send_sms} post to the gateway's request, in ms, over the whole class. */
    static final List<Double> SEND_TO_GATEWAY_MS = Collections.synchronizedList(new ArrayList<>());

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;
    private final SmsGatewayStub gateway;

    SmsCodeConfirmationIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
        this.gateway = server.smsGateway();
    }

    @AfterAll
    static void reportLatency() {
        List<Double> sorted = new ArrayList<>(SEND_TO_GATEWAY_MS);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("txauth-sms send_sms -> gateway request: n=%d median=%.1f ms min=%.1f max=%.1f%n",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        }
    }

    /** Presses "Send a code by SMS" and waits for the gateway to receive it; records the time between. */
    private Sent sendSms(ConfirmationPage page, String phone) {
        int before = gateway.codesTo(phone).size();
        long start = System.nanoTime();
        Page next = page.sendSms();
        SmsGatewayStub.Request sms = gateway.awaitCode(phone, before + 1);
        SEND_TO_GATEWAY_MS.add((sms.receivedNanos() - start) / 1e6);
        synchronized (AuditIntegrityIT.SECRETS_SEEN) {
            AuditIntegrityIT.SECRETS_SEEN.add(sms.code());
            AuditIntegrityIT.SECRETS_SEEN.add(phone);
        }
        return new Sent(page.on(next), sms);
    }

    record Sent(ConfirmationPage page, SmsGatewayStub.Request sms) {
    }

    private static String alert(ConfirmationPage page) {
        return page.page().document().select(".pf-v5-c-alert, .alert, [class*=alert]").text();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private void settings(Map<String, Object> sms) {
        assertEquals(200, server.admin().put(SETTINGS, Map.of("sms", sms)).status());
    }

    private void defaultSettings() {
        settings(Map.of("resend_cooldown_seconds", 30, "sends_per_transaction", 3, "per_user_per_hour", 5,
                "per_destination_per_day", 10));
    }

    @Nested
    class Approval {

        @Test
        void smsCodeNamingThePaymentApprovesItAndTheTokenCarriesIt(@WithTotp @WithPhone("+2348031110001") TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            assertEquals("Send a code by SMS to \u2022\u2022\u2022\u2022 0001",
                    page.form().select("button[name=send_sms]").text());
            assertTrue(page.form().select("input[name=factor]").isEmpty(), "no code input before a send");

            Sent sent = sendSms(page, "+2348031110001");
            assertEquals(gateway.expectedAuthorization(), sent.sms().authorization());
            assertEquals("Pay NGN 50,000.00 to Ada Obi (Guaranty Trust Bank ****6789). Code " + sent.sms().code()
                    + ". Never share it.", sent.sms().text());
            assertEquals("sms", sent.page().codeFactor());
            assertTrue(sent.page().page().document().select("#txauth-code-sent").text().contains("0001"));

            Page done = sent.page().submitCode(sent.sms().code());
            TokenResponse tokens = sent.page().exchange(done);
            assertEquals(200, tokens.status(), tokens.body().toString());
            JsonNode claims = tokens.accessTokenClaims();
            assertEquals(page.transactionId(), claims.path("txn_id").asText());
            assertEquals("50000.00", claims.path("txn_amount").asText());
            assertEquals("NGN", claims.path("txn_currency").asText());
            JsonNode status = paymentService.get(page.transactionId()).json();
            assertEquals("APPROVED", status.path("status").asText());
            assertEquals("sms", status.path("method").asText());
        }

        @Test
        void codeIsStoredOnlyAsAHash(@WithTotp @WithPhone("+2348031110002") TestUser user) throws Exception {
            ConfirmationPage page = journey.confirmationPage(user, "10.00", "Bola Ade");
            Sent sent = sendSms(page, "+2348031110002");
            try (Connection db = server.openDatabase();
                 PreparedStatement q = db.prepareStatement("SELECT t::text FROM txauth_code t WHERE transaction_id = ?")) {
                q.setString(1, page.transactionId());
                var rows = q.executeQuery();
                assertTrue(rows.next(), "one row per sent code");
                String row = rows.getString(1);
                assertFalse(row.contains(sent.sms().code()), row);
                assertFalse(row.contains("+2348031110002") || row.contains("2348031110002"), row);
                assertFalse(rows.next());
            }
        }
    }

    @Nested
    class NewDeviceAlert {

        @Test
        void signingInOnANewDeviceAlsoAlertsByTextMessage(@WithTotp @WithPhone("+2348031110031") TestUser user) {
            journey.confirmationPage(user, "1.00", "Ada Obi"); // the journey's browser is a device never seen
            List<SmsGatewayStub.Request> alerts = gateway.to("+2348031110031").stream()
                    .filter(r -> r.text().contains("a new device")).toList();
            assertEquals(1, alerts.size(), gateway.to("+2348031110031").toString());
            assertTrue(alerts.get(0).text().endsWith("Not you? Call your bank now."), alerts.get(0).text());
            assertTrue(alerts.get(0).text().startsWith("Payments: a new device ("), alerts.get(0).text());
        }

        @Test
        void noAlertSmsWithoutAVerifiedPhone(@WithTotp @WithPhone(value = "+2348031110032", verified = false)
                                             TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "1.00", "Ada Obi");
            assertTrue(gateway.to("+2348031110032").isEmpty());
            assertTrue(page.form().select("button[name=send_sms]").isEmpty(), "no SMS offer for an unverified phone");
        }
    }

    @Nested
    class Refusal {

        @Test
        void codeOfTransactionAIsRefusedOnTransactionB(@WithTotp @WithPhone("+2348031110003") TestUser user) {
            Sent a = sendSms(journey.confirmationPage(user, "100.00", "Ada Obi"), "+2348031110003");
            Sent b = sendSms(journey.confirmationPage(user, "200.00", "Ada Obi"), "+2348031110003");
            assertNotEquals(a.sms().code(), b.sms().code(), "two random codes; retry on the 1e-6 collision");

            ConfirmationPage afterWrong = b.page().on(b.page().submitCode(a.sms().code()));
            assertTrue(afterWrong.isShown(), afterWrong.page().describe());
            assertTrue(alert(afterWrong).contains("could not be confirmed"), alert(afterWrong));
            assertEquals("PENDING", paymentService.get(b.page().transactionId()).json().path("status").asText());

            assertTrue(afterWrong.submitCode(b.sms().code()).isAppRedirect(), "B's own code still works");
            assertEquals("APPROVED", paymentService.get(b.page().transactionId()).json().path("status").asText());
            assertEquals("PENDING", paymentService.get(a.page().transactionId()).json().path("status").asText());
        }

        @Test
        void aResentCodeReplacesTheEarlierOneAndAUsedCodeNeverWorksAgain(
                @WithTotp @WithPhone("+2348031110004") TestUser user) throws Exception {
            settings(Map.of("resend_cooldown_seconds", 1));
            try {
                ConfirmationPage page = journey.confirmationPage(user, "300.00", "Ada Obi");
                Sent first = sendSms(page, "+2348031110004");
                Thread.sleep(1_100);
                Sent second = sendSms(first.page(), "+2348031110004");
                ConfirmationPage replayed = second.page().on(second.page().submitCode(first.sms().code()));
                assertTrue(replayed.isShown(), "the replaced code is refused: " + replayed.page().describe());
                assertTrue(replayed.submitCode(second.sms().code()).isAppRedirect());
                // the same code again, as a second tab would post it: the transaction is no longer pending
                Page again = replayed.submitCode(second.sms().code());
                assertFalse(again.isAppRedirect() && again.appRedirectParameters().containsKey("code"));
                try (Connection db = server.openDatabase();
                     PreparedStatement q = db.prepareStatement(
                             "SELECT count(*) FROM txauth_code WHERE transaction_id = ? AND used_at IS NULL")) {
                    q.setString(1, page.transactionId());
                    var rows = q.executeQuery();
                    rows.next();
                    assertEquals(0, rows.getInt(1), "every code of the transaction is spent");
                }
            } finally {
                defaultSettings();
            }
        }

        @Test
        void expiredCodeIsRefused(@WithTotp @WithPhone("+2348031110005") TestUser user) throws Exception {
            ConfirmationPage page = journey.confirmationPage(user, "400.00", "Ada Obi");
            Sent sent = sendSms(page, "+2348031110005");
            try (Connection db = server.openDatabase();
                 PreparedStatement q = db.prepareStatement(
                         "UPDATE txauth_code SET expires_at = sent_at - 1 WHERE transaction_id = ?")) {
                q.setString(1, page.transactionId());
                assertEquals(1, q.executeUpdate()); // the clock moved past its 5 minutes
            }
            ConfirmationPage after = sent.page().on(sent.page().submitCode(sent.sms().code()));
            assertTrue(after.isShown(), after.page().describe());
            assertTrue(alert(after).contains("could not be confirmed"), alert(after));
            assertEquals("PENDING", paymentService.get(page.transactionId()).json().path("status").asText());
        }

        @Test
        void codeLifetimeNeverOutlivesTheTransaction(@WithTotp @WithPhone("+2348031110006") TestUser user) throws Exception {
            ConfirmationPage page = journey.confirmationPage(user, "500.00", "Ada Obi");
            sendSms(page, "+2348031110006");
            try (Connection db = server.openDatabase();
                 PreparedStatement q = db.prepareStatement("SELECT c.expires_at - c.sent_at, t.expires_at - c.expires_at"
                         + " FROM txauth_code c JOIN txauth_transaction t ON t.id = c.transaction_id"
                         + " WHERE c.transaction_id = ?")) {
                q.setString(1, page.transactionId());
                var rows = q.executeQuery();
                assertTrue(rows.next());
                assertTrue(rows.getLong(1) <= 300, "at most 5 minutes: " + rows.getLong(1));
                assertTrue(rows.getLong(2) >= 0, "not past the transaction's expiry");
            }
        }

        @Test
        void fiveWrongSmsCodesLockTheTransaction(@WithTotp @WithPhone("+2348031110007") TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "600.00", "Ada Obi");
            Sent sent = sendSms(page, "+2348031110007");
            ConfirmationPage current = sent.page();
            String wrong = wrong(sent.sms().code());
            for (int attempt = 1; attempt <= 4; attempt++) {
                current = current.on(current.submitCode(wrong));
                assertTrue(current.isShown(), "attempt " + attempt);
                assertEquals("sms", current.codeFactor(), "the page keeps asking for the SMS code");
            }
            Page fifth = current.submitCode(wrong);
            assertTrue(fifth.isAppRedirect(), fifth.describe());
            assertEquals("access_denied", fifth.appRedirectParameters().get("error"));
            assertEquals("LOCKED", paymentService.get(page.transactionId()).json().path("status").asText());
            Page correctSixth = current.submitCode(sent.sms().code());
            assertFalse(correctSixth.isAppRedirect() && correctSixth.appRedirectParameters().containsKey("code"));
        }

        @Test
        void unknownFactorIsAWrongCodeNotATotpFallback(@WithTotp @WithPhone("+2348031110008") TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "700.00", "Ada Obi");
            Sent sent = sendSms(page, "+2348031110008");
            Page posted = page.app().submit(sent.page().page(), ConfirmationPage.FORM,
                    Map.of("otp", sent.sms().code(), "factor", "voice"));
            assertTrue(sent.page().on(posted).isShown());
            assertEquals("PENDING", paymentService.get(page.transactionId()).json().path("status").asText());
        }
    }

    @Nested
    class Caps {

        @Test
        void resendBeforeTheCooldownSendsNothingAndSaysWhenToTryAgain(@WithTotp @WithPhone("+2348031110011") TestUser user) {
            ConfirmationPage page = journey.confirmationPage(user, "800.00", "Ada Obi");
            Sent sent = sendSms(page, "+2348031110011");
            ConfirmationPage again = sent.page().on(sent.page().sendSms());
            assertTrue(again.isShown());
            assertTrue(alert(again).matches(".*wait \\d+ seconds.*"), alert(again));
            assertEquals(1, gateway.codesTo("+2348031110011").size(), "the gateway saw no second request");
            assertTrue(again.submitCode(sent.sms().code()).isAppRedirect(), "the first code still works");
        }

        @Test
        void noMoreThanThreeSendsPerTransaction(@WithTotp @WithPhone("+2348031110012") TestUser user) throws Exception {
            settings(Map.of("resend_cooldown_seconds", 1));
            try {
                ConfirmationPage page = journey.confirmationPage(user, "900.00", "Ada Obi");
                for (int i = 0; i < 3; i++) {
                    page = sendSms(page, "+2348031110012").page();
                    Thread.sleep(1_100);
                }
                ConfirmationPage fourth = page.on(page.sendSms());
                assertTrue(alert(fourth).contains("No more codes"), alert(fourth));
                assertEquals(3, gateway.codesTo("+2348031110012").size());
            } finally {
                defaultSettings();
            }
        }

        @Test
        void perUserHourlyCapCountsAcrossTransactions(@WithTotp @WithPhone("+2348031110013") TestUser user) {
            settings(Map.of("per_user_per_hour", 2));
            try {
                sendSms(journey.confirmationPage(user, "1.00", "Ada Obi"), "+2348031110013");
                sendSms(journey.confirmationPage(user, "2.00", "Ada Obi"), "+2348031110013");
                ConfirmationPage third = journey.confirmationPage(user, "3.00", "Ada Obi");
                ConfirmationPage capped = third.on(third.sendSms());
                assertTrue(alert(capped).matches(".*wait \\d+ minutes.*"), alert(capped));
                assertEquals(2, gateway.codesTo("+2348031110013").size());
            } finally {
                defaultSettings();
            }
        }

        @Test
        void perDestinationDailyCapCountsAcrossUsers(@WithTotp @WithPhone("+2348031110014") TestUser first,
                                                     @WithTotp @WithPhone("+2348031110014") TestUser second) {
            settings(Map.of("per_destination_per_day", 1));
            try {
                sendSms(journey.confirmationPage(first, "1.00", "Ada Obi"), "+2348031110014");
                ConfirmationPage other = journey.confirmationPage(second, "2.00", "Ada Obi");
                ConfirmationPage capped = other.on(other.sendSms());
                assertTrue(alert(capped).matches(".*wait \\d+ minutes.*"), alert(capped));
                assertEquals(1, gateway.codesTo("+2348031110014").size());
                assertNull(capped.page().document().selectFirst("input[name=factor]"));
            } finally {
                defaultSettings();
            }
        }
    }
}
