package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthCluster;
import dev.txauth.testkit.server.TxauthClusterTest;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.WithTotp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §10: either node serves every step of the mobile app's login. The login runs on node 1, the DPoP-bound
 * code is exchanged on node 2, and the rotating refresh token is used on node 1, then node 2; a refresh token spent on
 * one node is refused on the other.
 */
@TxauthClusterTest
class CrossNodeLoginClusterIT {

    private final TxauthCluster cluster;

    CrossNodeLoginClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void loginOnNodeOneIsExchangedOnNodeTwoAndRefreshedOnEither(@WithTotp TestUser user) {
        AuthorizationClient app = cluster.node1().newBrowser();
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of("acr_values", "mfa"));
        assertTrue(done.isAppRedirect(), "login on node 1 must reach the app redirect: " + done.uri());

        TokenResponse tokens = cluster.node2().pin(app).tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), "node 2 must exchange node 1's code: " + tokens.body());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals(user.id(), claims.get("sub").asText());
        assertEquals("mfa", claims.get("acr").asText());
        assertEquals(app.dpop().thumbprint(), claims.path("cnf").path("jkt").asText(), "the code was DPoP-bound");
        assertEquals(cluster.realmUrl(), claims.get("iss").asText(), "one issuer for the whole cluster");

        TokenResponse onNodeOne = cluster.node1().pin(app).tokens().refresh(tokens.refreshToken());
        assertEquals(200, onNodeOne.status(), "node 1 must refresh node 2's tokens: " + onNodeOne.body());
        TokenResponse onNodeTwo = cluster.node2().pin(app).tokens().refresh(onNodeOne.refreshToken());
        assertEquals(200, onNodeTwo.status(), "node 2 must refresh node 1's tokens: " + onNodeTwo.body());
        assertNotEquals(onNodeOne.refreshToken(), onNodeTwo.refreshToken(), "refresh tokens rotate");
    }

    @Test
    void refreshTokenSpentOnOneNodeIsRefusedOnTheOther(@WithTotp TestUser user) {
        AuthorizationClient app = cluster.node2().newBrowser();
        Pkce pkce = Pkce.s256();
        TokenResponse tokens = app.tokens().exchangeCode(app.login(user, pkce, Map.of()).code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());

        TokenResponse first = cluster.node1().pin(app).tokens().refresh(tokens.refreshToken());
        assertEquals(200, first.status(), first.body().toString());
        TokenResponse replay = cluster.node2().pin(app).tokens().refresh(tokens.refreshToken());

        assertEquals(400, replay.status(), "a rotated refresh token must not be reusable on the other node");
        assertEquals("invalid_grant", replay.error());
    }
}
