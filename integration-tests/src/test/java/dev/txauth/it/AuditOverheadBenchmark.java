package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Added request time of txauth-audit: the same requests with the listener enabled and disabled on the realm, in
 * alternating blocks of one run. Not part of the suite (the name does not end in IT); run with
 * {@code ./mvnw -B verify -pl integration-tests -am -Dit.test=AuditOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TxauthKeycloakTest
class AuditOverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("txauth.bench.rounds", 10);
    private static final int PER_BLOCK = Integer.getInteger("txauth.bench.block", 30);

    private final TxauthServer server;

    AuditOverheadBenchmark(TxauthServer server) {
        this.server = server;
    }

    @Test
    void measuresAddedRequestTime() {
        List<Long> tokenOn = new ArrayList<>();
        List<Long> tokenOff = new ArrayList<>();
        List<Long> loginOn = new ArrayList<>();
        List<Long> loginOff = new ArrayList<>();
        TestUser user = TestUsers.withOtp(server, "bench");
        AuthorizationClient client = server.newBrowser();
        block(client, user, 20, new ArrayList<>(), new ArrayList<>());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                setListener(false);
                block(client, user, PER_BLOCK, tokenOff, loginOff);
                setListener(true);
                block(client, user, PER_BLOCK, tokenOn, loginOn);
            }
        } finally {
            setListener(true);
        }
        System.out.printf("txauth-audit request overhead (%d requests each):%n"
                        + "  client_credentials token (1 event): off p50 %.2f ms p99 %.2f ms | on p50 %.2f ms p99 %.2f ms%n"
                        + "  browser login + code exchange (2 events): off p50 %.2f ms p99 %.2f ms | on p50 %.2f ms "
                        + "p99 %.2f ms%n", tokenOn.size(),
                pct(tokenOff, 50), pct(tokenOff, 99), pct(tokenOn, 50), pct(tokenOn, 99),
                pct(loginOff, 50), pct(loginOff, 99), pct(loginOn, 50), pct(loginOn, 99));
    }

    private void block(AuthorizationClient client, TestUser user, int n, List<Long> token, List<Long> login) {
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            TokenResponse r = client.tokens().clientCredentials(TxauthServer.PAYMENT_SERVICE, server.paymentServiceSecret());
            token.add(System.nanoTime() - t);
            assertEquals(200, r.status());
            AuthorizationClient app = server.newBrowser();
            Pkce pkce = Pkce.s256();
            t = System.nanoTime();
            TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
            login.add(System.nanoTime() - t);
            assertEquals(200, tokens.status());
        }
    }

    private void setListener(boolean on) {
        String path = "/admin/realms/" + TxauthServer.REALM + "/events/config";
        ObjectNode config = (ObjectNode) server.admin().get(path).json();
        ArrayNode listeners = config.putArray("eventsListeners");
        listeners.add("jboss-logging");
        if (on) {
            listeners.add("txauth-audit");
        }
        assertEquals(204, server.admin().put(path, config).status());
        JsonNode check = server.admin().get(path).json();
        assertEquals(on, check.get("eventsListeners").toString().contains("txauth-audit"));
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
