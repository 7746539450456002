package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.risk.DeviceRiskSupport;
import dev.txauth.testkit.server.TxauthCluster;
import dev.txauth.testkit.server.TxauthClusterNode;
import dev.txauth.testkit.server.TxauthClusterTest;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.txauth.testkit.risk.DeviceRiskSupport.newLoginSameDevice;
import static dev.txauth.testkit.risk.DeviceRiskSupport.randomIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §11 on two nodes (docs/cluster.md): both nodes seal and open endpoint secrets with the one
 * {@code secret-key-file} the launcher gives them, so an endpoint created through node 1's admin REST receives,
 * signed by the Standard Webhooks scheme, the events of either node, whichever node's sender claims the delivery.
 */
@TxauthClusterTest
class WebhookClusterIT {

    private static final Pattern STARTED_WITH_KEY = Pattern.compile("txauth-webhooks: sender started \\(key (\\w+)");
    private static final Pattern NOT_OPENED = Pattern.compile("sealed with another key than|txauth-webhooks: delivery \\S+"
            + " to endpoint \\S+ not attempted");
    private static final int LOGINS = 6;

    private final TxauthCluster cluster;

    WebhookClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void anEndpointCreatedThroughNodeOneReceivesSignedEventsOfBothNodes(@WithTotp TestUser user) throws Exception {
        String node1Key = keyId(cluster.node1());
        assertEquals(node1Key, keyId(cluster.node2()), "both nodes hold the same sealing key");

        try (WebhookInbox inbox = WebhookInbox.subscribe(cluster.node1(), "LOGIN")) {
            assertEquals("v1:" + node1Key, sealedPrefix(inbox.endpointId()),
                    "sealed through node 1 under the key node 2 holds too");
            DeviceRiskSupport risk = new DeviceRiskSupport(cluster.node1());
            AuthorizationClient phone = risk.browser(randomIp());
            risk.loginWithOtp(phone, user, 0);                               // login 1 on node 1
            for (int login = 2; login <= LOGINS; login++) {                  // then node 2, node 1, ... (known device)
                newLoginSameDevice(phone);
                cluster.alternate(login - 1).pin(phone);
                assertTrue(risk.password(phone, user, Map.of()).isAppRedirect(), "login " + login);
            }

            // WebhookReceiver accepts only a valid signature under the secret of the 201 (and a fresh timestamp).
            List<WebhookInbox.Received> logins = inbox.await(r -> user.id().equals(r.body().path("user_id").asText()),
                    LOGINS, 60_000);
            assertEquals(LOGINS, logins.stream().map(WebhookInbox.Received::webhookId).distinct().count(),
                    "each login once: " + logins);
        }
        for (TxauthClusterNode node : cluster.nodes()) {
            assertFalse(NOT_OPENED.matcher(Files.readString(node.logFile())).find(),
                    "no node met a secret it cannot open: " + node);
        }
    }

    private static String keyId(TxauthClusterNode node) throws IOException {
        Matcher m = STARTED_WITH_KEY.matcher(Files.readString(node.logFile()));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertTrue(last != null, "no 'sender started' line in " + node.logFile());
        return last;
    }

    private String sealedPrefix(String endpointId) throws SQLException {
        try (Connection c = cluster.node2().openDatabase();
             PreparedStatement ps = c.prepareStatement("SELECT secret_sealed FROM txauth_webhook_endpoint WHERE id = ?")) {
            ps.setString(1, endpointId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "endpoint row " + endpointId);
                String sealed = rs.getString(1);
                return sealed.substring(0, sealed.indexOf(':', 3));
            }
        }
    }
}
