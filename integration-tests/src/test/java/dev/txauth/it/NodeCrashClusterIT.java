package dev.txauth.it;

import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthCluster;
import dev.txauth.testkit.server.TxauthClusterTest;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §10, docs/cluster.md "A node dies": node 1 is SIGKILLed while the user looks at the confirmation page
 * it served. The user's next click reaches node 2 (the load balancer took the dead node out), which
 * finishes the confirmation: one approval, one consume, never a 500. When node 1 comes back, its spool hands the
 * audit database every event it had accepted, and both nodes' chains verify.
 */
@TxauthClusterTest
class NodeCrashClusterIT {

    private final TxauthCluster cluster;

    NodeCrashClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void userOnTheConfirmationPageOfAKilledNodeFinishesOnTheOtherAndNoAuditEventIsLost(@WithTotp TestUser user) {
        PaymentService service = new PaymentService(cluster.node1());
        String id = service.registerPayment(user.id(), "120.00", "Ada Obi");
        ConfirmationPage page = new PaymentJourney(cluster.node1(), service).confirmationPage(user, id);

        long killedAt = System.nanoTime();
        cluster.node1().kill();
        assertFalse(cluster.node1().isRunning());
        cluster.node2().pin(page.app()); // what the load balancer does once its health check lost node 1

        Page done = page.approve();
        assertTrue(done.status() < 500, "never a 500 after the crash: " + done.describe());
        assertTrue(done.isAppRedirect() && done.appRedirectParameters().containsKey("code"),
                "node 2 finishes the confirmation node 1 showed: " + done.describe());
        TokenResponse tokens = page.exchange(done);
        assertEquals(200, tokens.status(), tokens.body().toString());
        System.out.printf("txauth cluster kill test: confirmation finished on node 2 %.1f s after SIGKILL of node 1%n",
                (System.nanoTime() - killedAt) / 1e9);

        PaymentService onNode2 = new PaymentService(cluster.node2());
        assertEquals(200, onNode2.consume(id).status(), "one consume");
        assertEquals(409, onNode2.consume(id).status(), "and only one");

        long restartAt = System.nanoTime();
        cluster.node1().start();
        System.out.printf("txauth cluster kill test: node 1 back in a 2-member view after %.1f s%n",
                (System.nanoTime() - restartAt) / 1e9);

        AuditTable audit = new AuditTable(cluster.node2());
        List<String> seen = List.of("TXAUTH_TRANSACTION_REGISTERED", "TXAUTH_TRANSACTION_APPROVED",
                "TXAUTH_TRANSACTION_CONSUMED");
        List<Map<String, Object>> rows = audit.awaitRows(user.id(), r -> seen.stream().allMatch(type ->
                r.stream().anyMatch(row -> type.equals(row.get("type")))), "every event the clients saw succeed");
        assertEquals(1, rows.stream().filter(r -> "TXAUTH_TRANSACTION_APPROVED".equals(r.get("type"))).count(),
                "one approval: " + rows);
        JsonNode verified = new AuditTable(cluster.node1()).verify();
        assertTrue(verified.get("valid").asBoolean(), verified.toString());
    }
}
