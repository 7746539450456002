package dev.txauth.it;

import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never lost (docs/api.md §11): events of a receiver outage all arrive when it is back, and a SIGKILL of Keycloak
 * right after a burst loses no delivery — the outbox rows committed with the events. Also measures what the docs
 * report: commit → receiver latency under a 200-event burst, and the request-path cost of a subscribed endpoint.
 */
@TxauthKeycloakTest
class WebhookDurabilityIT {

    private static final String REGISTERED = "TXAUTH_TRANSACTION_REGISTERED";
    private final TxauthServer server;
    private final PaymentService paymentService;

    WebhookDurabilityIT(TxauthServer server, PaymentService paymentService) {
        this.server = server;
        this.paymentService = paymentService;
    }

    /**
     * The receiver is down for 60 s while a payment is registered every second. The test server caps the retry delay
     * at 2 s (retry-max-delay-ms, DistributionServer), so every delivery is retried many times during the outage — the
     * same backoff path the production cap walks, only faster.
     */
    @Test
    void everyEventOfAReceiverOutageArrivesOnceItIsBack() {
        TestUser user = TestUsers.withPassword(server, "webhook-outage");
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, REGISTERED)) {
            double retriedBefore = metric("txauth_webhook_retried_events_total");
            inbox.down();
            Set<String> ids = new HashSet<>();
            long start = System.currentTimeMillis();
            while (System.currentTimeMillis() - start < 60_000) {
                ids.add(paymentService.registerPayment(user.id(), "100.00", "Ada Obi"));
                WebhookInbox.sleep(1_000);
            }
            assertTrue(metric("txauth_webhook_retried_events_total") > retriedBefore, "attempts failed and were retried");
            inbox.up();
            List<WebhookInbox.Received> got = inbox.await(r -> ids.contains(r.body().path("transaction_id").asText()),
                    ids.size(), 30_000);
            assertEquals(ids, got.stream().map(r -> r.body().get("transaction_id").asText()).collect(Collectors.toSet()));
            assertEquals(ids.size(), got.stream().map(WebhookInbox.Received::webhookId).distinct().count(),
                    "one webhook-id per event");
            assertTrue(metric("txauth_webhook_delivered_events_total") >= ids.size());
        }
    }

    @Test
    void sigkillRightAfterABurstOf200LosesNoDelivery() {
        TestUser user = TestUsers.withPassword(server, "webhook-crash");
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, REGISTERED)) {
            // Receiver down during the burst and the kill: the 200 deliveries exist only in the outbox then.
            inbox.down();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                ids.add(paymentService.registerPayment(user.id(), "200.00", "Ada Obi"));
            }
            server.crashAndRestart();
            inbox.up();
            List<WebhookInbox.Received> got = inbox.await(r -> ids.contains(r.body().path("transaction_id").asText()),
                    200, 60_000);
            assertEquals(ids, got.stream().map(r -> r.body().get("transaction_id").asText()).collect(Collectors.toSet()));
        }
    }

    @Test
    void measuresDeliveryLatencyAndRequestPathCost() {
        TestUser user = TestUsers.withPassword(server, "webhook-latency");
        // Without an endpoint before and after the burst, so warm-up and load drift do not favour either side.
        List<Long> without = new ArrayList<>(registrations(user, 50, new HashMap<>()));
        List<Long> with;
        List<Long> latency = new ArrayList<>();
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, REGISTERED)) {
            Map<String, Long> committed = new HashMap<>();
            with = registrations(user, 200, committed);
            List<WebhookInbox.Received> got = inbox.await(r -> committed.containsKey(r.body().path("transaction_id")
                    .asText()), 200, 60_000);
            for (WebhookInbox.Received r : got) {
                latency.add(r.receivedAt() - committed.get(r.body().get("transaction_id").asText()));
            }
        }
        without.addAll(registrations(user, 50, new HashMap<>()));
        System.out.printf("WEBHOOK-MEASURE delivery latency (201 answer -> receiver, 200-event burst): median %d ms,"
                        + " p99 %d ms; register median without endpoint %d ms, with a subscribed endpoint %d ms%n",
                percentile(latency, 50), percentile(latency, 99), percentile(without, 50), percentile(with, 50));
        assertTrue(percentile(latency, 99) < 10_000, "p99 " + percentile(latency, 99) + " ms");
    }

    /** Sequential registrations; the 201 comes after the commit, so its time is an upper bound of the commit's. */
    private List<Long> registrations(TestUser user, int n, Map<String, Long> committedAt) {
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            String id = paymentService.registerPayment(user.id(), "300.00", "Ada Obi");
            took.add((System.nanoTime() - start) / 1_000_000);
            committedAt.put(id, System.currentTimeMillis());
        }
        return took;
    }

    /** Nearest rank. */
    private static long percentile(List<Long> samples, int p) {
        List<Long> sorted = samples.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private double metric(String name) {
        String body = server.newBrowser().send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics")))
                .body();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
