package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AdminClient;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin registers, reads, changes, tests and retries webhook endpoints (docs/api.md §11): bad input is refused
 * with a message that says what is wrong and stores nothing, the secret is shown once and is not in the database in
 * the clear, and another realm's endpoint does not exist here.
 */
@TxauthKeycloakTest
class WebhookAdminIT {

    private final TxauthServer server;
    private final AdminClient admin;

    WebhookAdminIT(TxauthServer server) {
        this.server = server;
        this.admin = server.admin();
    }

    @Test
    void refusesBadEndpointsWithAClearMessageAndStoresNothing() {
        int before = admin.get(WebhookInbox.PATH).json().size();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"url\":\"ftp://payments.example/hook\",\"events\":[\"*\"]}", "http or https");
        cases.put("{\"url\":\"file:///etc/passwd\",\"events\":[\"*\"]}", "http or https");
        cases.put("{\"url\":\"http://10.1.2.3/hook\",\"events\":[\"*\"]}", "private address 10.1.2.3");
        cases.put("{\"url\":\"http://192.168.0.7/hook\",\"events\":[\"*\"]}", "private address");
        cases.put("{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"*\"]}", "link-local");
        cases.put("{\"url\":\"http://[::ffff:10.0.0.1]/hook\",\"events\":[\"*\"]}", "private address");
        cases.put("{\"url\":\"http://[fd00::1]/hook\",\"events\":[\"*\"]}", "unique-local");
        cases.put("{\"url\":\"http://224.0.0.1/hook\",\"events\":[\"*\"]}", "multicast");
        cases.put("{\"url\":\"http://localhost:1/hook\",\"events\":[\"*\"],\"colour\":\"red\"}",
                "unknown field 'colour'");
        cases.put("{\"url\":\"http://localhost:1/hook\",\"events\":[\"login error\"]}", "not an audit type");
        cases.put("{\"url\":\"http://localhost:1/hook\",\"events\":[]}", "events is required");
        cases.put("{\"url\":\"http://localhost:1/hook\",\"events\":[\"*\"],\"enabled\":\"yes\"}", "true or false");
        cases.put("{\"url\":\"http://localhost:1/hook\",\"events\":", "not valid JSON");
        cases.put("[\"http://localhost:1/hook\"]", "JSON object");
        cases.put("{\"url\":\"http://localhost:1/" + "a".repeat(20_000) + "\",\"events\":[\"*\"]}", "larger than");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            AdminClient.Response r = admin.postRaw(WebhookInbox.PATH, c.getKey());
            assertEquals(400, r.status(), c.getKey() + " → " + r.body());
            assertEquals("invalid_request", r.json().get("error").asText());
            assertTrue(r.json().get("error_description").asText().contains(c.getValue()),
                    c.getKey().substring(0, Math.min(60, c.getKey().length())) + " → " + r.body());
        }
        assertEquals(before, admin.get(WebhookInbox.PATH).json().size(), "a refused request must store nothing");

        try (WebhookInbox inbox = WebhookInbox.subscribe(server, "LOGIN")) {
            AdminClient.Response put = admin.put(WebhookInbox.PATH + "/" + inbox.endpointId(),
                    Map.of("url", "http://10.9.9.9/x", "events", List.of("LOGIN")));
            assertEquals(400, put.status(), put.body());
            assertEquals(inbox.url(), admin.get(WebhookInbox.PATH + "/" + inbox.endpointId()).json().get("url")
                    .asText(), "a refused change must change nothing");
        }
    }

    @Test
    void theSecretIsShownOnlyAtCreationAndNeverStoredInTheClear() throws Exception {
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, "TXAUTH_*", "LOGIN_ERROR")) {
            assertTrue(inbox.secret().startsWith("whsec_"), inbox.secret());
            String key = inbox.secret().substring("whsec_".length());
            String list = admin.get(WebhookInbox.PATH).body();
            JsonNode one = admin.get(WebhookInbox.PATH + "/" + inbox.endpointId()).json();
            assertFalse(list.contains(key) || list.contains("\"secret\""), list);
            assertFalse(one.has("secret") || one.toString().contains(key), one.toString());
            assertEquals(List.of("TXAUTH_*", "LOGIN_ERROR"), List.of(one.get("events").get(0).asText(),
                    one.get("events").get(1).asText()));
            try (Connection c = server.openDatabase();
                 ResultSet rs = c.createStatement().executeQuery("SELECT t::text FROM txauth_webhook_endpoint t")) {
                StringBuilder dump = new StringBuilder();
                while (rs.next()) {
                    dump.append(rs.getString(1)).append('\n');
                }
                assertTrue(dump.toString().contains(inbox.endpointId()), "the dump covers the endpoint");
                assertFalse(dump.toString().contains(key), "the secret in the database dump");
                assertFalse(dump.toString().contains(java.util.HexFormat.of().formatHex(
                        java.util.Base64.getDecoder().decode(key))), "the secret (hex) in the database dump");
            }
        }
    }

    @Test
    void anEndpointOfAnotherRealmIsNotFoundHere() {
        String other = "webhooks-other-" + System.nanoTime();
        assertEquals(201, admin.post("/admin/realms", Map.of("realm", other, "enabled", true)).status());
        try {
            AdminClient.Response created = admin.post("/admin/realms/" + other + "/txauth-webhooks",
                    Map.of("url", "http://localhost:1/hook", "events", List.of("*")));
            assertEquals(201, created.status(), created.body());
            String id = created.json().get("id").asText();
            String here = WebhookInbox.PATH + "/" + id;
            assertEquals(404, admin.get(here).status());
            assertEquals(404, admin.put(here, Map.of("url", "http://localhost:1/x", "events", List.of("*"))).status());
            assertEquals(404, admin.post(here + "/test", null).status());
            assertEquals(404, admin.get(here + "/deliveries").status());
            assertEquals(404, admin.delete(here).status());
            assertFalse(admin.get(WebhookInbox.PATH).body().contains(id));
            assertEquals(200, admin.get("/admin/realms/" + other + "/txauth-webhooks/" + id).status(),
                    "still there in its own realm");
        } finally {
            admin.delete("/admin/realms/" + other);
        }
    }

    /**
     * The realm records how many enabled endpoints it has (the listener skips its per-event query at "0", issue 15):
     * every create, change and delete rewrites it; a realm that never had an endpoint has no record (queried).
     */
    @Test
    void theRealmRecordsHowManyEnabledEndpointsItHasThroughEveryChange() {
        String other = "webhooks-count-" + System.nanoTime();
        assertEquals(201, admin.post("/admin/realms", Map.of("realm", other, "enabled", true)).status());
        String endpoints = "/admin/realms/" + other + "/txauth-webhooks";
        try {
            assertEquals("", enabledEndpoints(other), "no record before the first endpoint");
            AdminClient.Response created = admin.post(endpoints, Map.of("url", "http://localhost:1/hook",
                    "events", List.of("*")));
            assertEquals(201, created.status(), created.body());
            String id = endpoints + "/" + created.json().get("id").asText();
            assertEquals("1", enabledEndpoints(other));
            assertEquals(400, admin.put(id, Map.of("url", "ftp://nowhere", "events", List.of("*"))).status());
            assertEquals("1", enabledEndpoints(other), "a refused change changes nothing");
            assertEquals(200, admin.put(id, Map.of("url", "http://localhost:1/hook", "events", List.of("*"),
                    "enabled", false)).status());
            assertEquals("0", enabledEndpoints(other), "a disabled endpoint does not count");
            assertEquals(200, admin.put(id, Map.of("url", "http://localhost:1/hook", "events", List.of("*"),
                    "enabled", true)).status());
            assertEquals("1", enabledEndpoints(other));
            assertEquals(204, admin.delete(id).status());
            assertEquals("0", enabledEndpoints(other));
        } finally {
            admin.delete("/admin/realms/" + other);
        }
    }

    private String enabledEndpoints(String realm) {
        return admin.get("/admin/realms/" + realm).json().path("attributes")
                .path("txauth.webhooks.enabled-endpoints").asText("");
    }

    @Test
    void aTestDeliveryArrivesIsListedAndAPendingOneCanBeRetriedByHand() {
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, "TXAUTH_WEBHOOK_TEST")) {
            AdminClient.Response ping = admin.post(WebhookInbox.PATH + "/" + inbox.endpointId() + "/test", null);
            assertEquals(202, ping.status(), ping.body());
            String webhookId = ping.json().get("webhook_id").asText();
            inbox.await(r -> r.webhookId().equals(webhookId), 1, 30_000);
            String deliveryId = ping.json().get("delivery_id").asText();
            awaitStatus(inbox, deliveryId, "delivered");
            assertEquals(409, admin.post(WebhookInbox.PATH + "/deliveries/" + deliveryId + "/retry", null).status(),
                    "a delivered delivery is not sent again by hand");
            assertEquals(400, admin.get(WebhookInbox.PATH + "/" + inbox.endpointId() + "/deliveries?status=lost")
                    .status());

            inbox.down();
            String pending = admin.post(WebhookInbox.PATH + "/" + inbox.endpointId() + "/test", null).json()
                    .get("delivery_id").asText();
            JsonNode row = awaitAttempted(inbox, pending);
            assertEquals("pending", row.get("status").asText());
            assertTrue(row.get("last_error").asText().contains("Exception"), row.toString());
            // By hand while still pending: due now, fresh retry period; the receiver comes back and gets it.
            assertEquals(202, admin.post(WebhookInbox.PATH + "/deliveries/" + pending + "/retry", null).status());
            inbox.up();
            awaitStatus(inbox, pending, "delivered");
            assertEquals(404, admin.post(WebhookInbox.PATH + "/deliveries/no-such-id/retry", null).status());
        }
    }

    @Test
    void theConsoleTabSetsTheRealmsPauseRuleAndAnEndpointThatKeepsFailingIsPausedUntilReEnabled() {
        String tabType = "org.keycloak.services.ui.extend.UiTabProvider";
        boolean offered = false;
        for (JsonNode t : admin.serverInfo().path("componentTypes").path(tabType)) {
            offered |= "txauth-webhooks".equals(t.path("id").asText());
        }
        assertTrue(offered, "the admin console tab txauth-webhooks is registered");
        String realmId = admin.get("/admin/realms/" + TxauthServer.REALM).json().path("id").asText();
        String components = "/admin/realms/" + TxauthServer.REALM + "/components";
        AdminClient.Response bad = admin.post(components, Map.of("providerId", "txauth-webhooks", "providerType",
                tabType, "parentId", realmId, "config", Map.of("pause-seconds", List.of("5"))));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("pause-seconds must be between 10 and 86400"), bad.body());
        AdminClient.Response tab = admin.post(components, Map.of("providerId", "txauth-webhooks", "providerType",
                tabType, "parentId", realmId, "config", Map.of("pause-after-failures", List.of("2"),
                        "pause-seconds", List.of("3600"), "realm", List.of(TxauthServer.REALM),
                        "tab", List.of("txauth-webhooks"))));
        assertEquals(201, tab.status(), tab.body());
        String location = tab.raw().headers().firstValue("Location").orElseThrow();
        try (WebhookInbox inbox = WebhookInbox.subscribe(server, "TXAUTH_WEBHOOK_TEST")) {
            String endpoint = WebhookInbox.PATH + "/" + inbox.endpointId();
            inbox.down();
            String pending = admin.post(endpoint + "/test", null).json().get("delivery_id").asText();
            long end = System.currentTimeMillis() + 30_000;
            JsonNode state = admin.get(endpoint).json();
            while (!state.hasNonNull("paused_until") && System.currentTimeMillis() < end) {
                WebhookInbox.sleep(100);
                state = admin.get(endpoint).json();
            }
            assertTrue(state.hasNonNull("paused_until"), "paused after 2 failures: " + state);
            assertTrue(state.get("paused_until").asLong() > System.currentTimeMillis() + 3_000_000, state.toString());
            int attempts = delivery(inbox, pending, "pending").get("attempts").asInt();
            inbox.up();
            WebhookInbox.sleep(3_000);
            assertEquals(attempts, delivery(inbox, pending, "pending").get("attempts").asInt(),
                    "no attempt while paused, though the receiver is back");
            assertEquals(200, admin.put(endpoint, Map.of("url", inbox.url(), "events", List.of("TXAUTH_WEBHOOK_TEST"),
                    "enabled", true)).status());
            assertFalse(admin.get(endpoint).json().hasNonNull("paused_until"), "re-enabling lifts the pause");
            // The pause is lifted but the row waits for its backoff (at most 2 s on the test server).
            awaitStatus(inbox, pending, "delivered");
        } finally {
            admin.delete(components + location.substring(location.lastIndexOf('/')));
        }
    }

    private JsonNode awaitAttempted(WebhookInbox inbox, String deliveryId) {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            JsonNode row = delivery(inbox, deliveryId, "pending");
            // attempts counts at the claim; last_error is written when the attempt's outcome is recorded
            if (row != null && row.get("attempts").asInt() >= 1 && row.hasNonNull("last_error")) {
                return row;
            }
            WebhookInbox.sleep(100);
        }
        throw new AssertionError("delivery " + deliveryId + " was not attempted");
    }

    private void awaitStatus(WebhookInbox inbox, String deliveryId, String status) {
        long end = System.currentTimeMillis() + 30_000;
        while (delivery(inbox, deliveryId, status) == null) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("delivery " + deliveryId + " never " + status + ": "
                        + admin.get(WebhookInbox.PATH + "/" + inbox.endpointId() + "/deliveries").body());
            }
            WebhookInbox.sleep(100);
        }
    }

    private JsonNode delivery(WebhookInbox inbox, String deliveryId, String status) {
        for (JsonNode d : admin.get(WebhookInbox.PATH + "/" + inbox.endpointId() + "/deliveries?status=" + status)
                .json()) {
            if (d.get("id").asText().equals(deliveryId)) {
                return d;
            }
        }
        return null;
    }
}
