package dev.txauth.it;

import com.sun.net.httpserver.HttpServer;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payment service learns "approved" without polling (docs/api.md §11): a real approval reaches a real HTTP
 * receiver, signed so that a Standard Webhooks verifier written here — not txauth's code — accepts it; only the
 * subscribed types arrive; no body carries a secret.
 */
@TxauthKeycloakTest
class WebhookDeliveryIT {

    private final TxauthServer server;
    private final PaymentJourney journey;
    private final PaymentService paymentService;

    WebhookDeliveryIT(TxauthServer server, PaymentJourney journey, PaymentService paymentService) {
        this.server = server;
        this.journey = journey;
        this.paymentService = paymentService;
    }

    /** A request as it came over the wire. */
    record Raw(String id, String timestamp, String signature, String body) {
    }

    @Test
    void approvedTransactionArrivesSignedByTheStandardWebhooksScheme() throws Exception {
        BlockingQueue<Raw> wire = new LinkedBlockingQueue<>();
        HttpServer capture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        capture.createContext("/raw", exchange -> {
            try (exchange) {
                var h = exchange.getRequestHeaders();
                wire.add(new Raw(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        capture.start();
        var created = server.admin().post(WebhookInbox.PATH, Map.of("url", "http://localhost:"
                + capture.getAddress().getPort() + "/raw", "events", List.of("TXAUTH_TRANSACTION_APPROVED")));
        assertEquals(201, created.status(), created.body());
        String secret = created.json().get("secret").asText();
        try (WebhookInbox example = WebhookInbox.subscribe(server, "TXAUTH_TRANSACTION_APPROVED")) {
            TestUser user = TestUsers.withOtp(server, "webhook-approve");
            ConfirmationPage page = journey.confirmationPage(user, "50000.00", "Ada Obi");
            assertTrue(page.approveAndExchange().ok());

            Raw raw = wire.poll(30, TimeUnit.SECONDS);
            assertNotNull(raw, "no delivery within 30 s");
            assertTrue(raw.body().contains("\"type\":\"TXAUTH_TRANSACTION_APPROVED\""), raw.body());
            assertTrue(raw.body().contains("\"transaction_id\":\"" + page.transactionId() + "\""), raw.body());
            assertTrue(raw.id().startsWith("msg_"), raw.id());
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(raw.timestamp())) < 60);
            assertTrue(standardWebhooksVerifies(secret, raw), "the Standard Webhooks signature must verify");
            assertFalse(standardWebhooksVerifies(otherSecret(), raw), "another secret must not verify");
            assertFalse(standardWebhooksVerifies(secret, new Raw(raw.id(), raw.timestamp(), raw.signature(),
                    raw.body().replace("APPROVED", "DECLINED"))), "an edited body must not verify");

            // The example receiver (signature, time window, dedupe) accepted the same event.
            var body = example.await(r -> page.transactionId().equals(r.body().path("transaction_id").asText()),
                    1, 30_000).get(0).body();
            assertEquals("TXAUTH_TRANSACTION_APPROVED", body.get("type").asText());
            assertEquals(TxauthServer.REALM, body.get("realm").asText());
            assertEquals(user.id(), body.get("user_id").asText());
            assertEquals("mobile-app", body.get("client_id").asText());
            assertTrue(body.get("occurred_at").asText().endsWith("Z"), body.toString());
        } finally {
            server.admin().delete(WebhookInbox.PATH + "/" + created.json().get("id").asText());
            capture.stop(0);
        }
    }

    @Test
    void onlySubscribedTypesArriveAndAStarSuffixMatchesAPrefix() {
        try (WebhookInbox logins = WebhookInbox.subscribe(server, "LOGIN");
             WebhookInbox transactions = WebhookInbox.subscribe(server, "TXAUTH_TRANSACTION_*")) {
            TestUser user = TestUsers.withOtp(server, "webhook-filter");
            assertTrue(server.newBrowser().login(user, Pkce.s256(), Map.of()).isAppRedirect());
            String id = paymentService.registerPayment(user.id(), "1500.00", "Ada Obi");

            logins.await(r -> user.id().equals(r.body().path("user_id").asText()), 1, 30_000);
            transactions.await(r -> id.equals(r.body().path("transaction_id").asText()), 1, 30_000);
            WebhookInbox.sleep(3_000); // anything wrongly sent would be retried into view by now
            assertTrue(logins.received().stream().allMatch(r -> r.type().equals("LOGIN")),
                    "exact type only: " + logins.received().stream().map(WebhookInbox.Received::type).toList());
            assertTrue(transactions.received().stream().allMatch(r -> r.type().startsWith("TXAUTH_TRANSACTION_")),
                    "prefix only: " + transactions.received().stream().map(WebhookInbox.Received::type).toList());
            assertTrue(transactions.received().stream().anyMatch(r -> r.type().equals("TXAUTH_TRANSACTION_REGISTERED")));
        }
    }

    @Test
    void noTokenCodeOtpPasswordOrAccountNumberInAnyDeliveredBody() {
        try (WebhookInbox everything = WebhookInbox.subscribe(server, "*")) {
            TestUser user = TestUsers.withOtp(server, "webhook-scan");
            ConfirmationPage page = journey.confirmationPage(user, "72000.00", "Ada Obi");
            String otp = page.nextCode();
            Page done = page.submitTotp(otp);
            TokenResponse tokens = page.exchange(done);
            assertTrue(tokens.ok());
            // A wrong password too: LOGIN_ERROR carries what the user typed around it.
            var browser = server.newBrowser();
            Page login = browser.authorize(browser.authorizationParameters(Pkce.s256(), Map.of()));
            browser.submitPassword(login, user.username(), TestUsers.PASSWORD + "-wrong");

            everything.await(r -> r.type().equals("CODE_TO_TOKEN") && user.id().equals(r.body().path("user_id")
                    .asText()), 1, 30_000);
            everything.await(r -> r.type().equals("TXAUTH_TRANSACTION_APPROVED"), 1, 30_000);
            String all = String.join("\n", everything.received().stream().map(r -> r.body().toString()).toList());
            assertFalse(AuditIntegrityIT.JWT.matcher(all).find(), "a JWT in a webhook body");
            for (String secret : new String[]{tokens.accessToken(), tokens.refreshToken(), done.code(), otp,
                    TestUsers.PASSWORD, AuditIntegrityIT.ACCOUNT_NUMBER}) {
                assertFalse(all.contains(secret), "a secret in a webhook body");
            }
            assertTrue(everything.received().size() >= 5, "the scan must cover the journey's events");
        }
    }

    /** Standard Webhooks 1.0 verification, written from the spec for this test (not txauth's signer). */
    static boolean standardWebhooksVerifies(String whsec, Raw raw) throws Exception {
        byte[] key = Base64.getDecoder().decode(whsec.split("_", 2)[1]);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signedContent = raw.id() + "." + raw.timestamp() + "." + raw.body();
        String expected = Base64.getEncoder().encodeToString(hmac.doFinal(signedContent.getBytes(
                StandardCharsets.UTF_8)));
        for (String versioned : raw.signature().split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1") && parts[1].equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static String otherSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return "whsec_" + Base64.getEncoder().encodeToString(b);
    }
}
