package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.DpopKey;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §10: the protections of the account hold across nodes. Keycloak's brute-force lockout counts wrong
 * passwords on both nodes together, and binding the app to a new DPoP key on one node signs the old key out on the
 * other.
 */
@TxauthClusterTest
class AccountProtectionClusterIT {

    /** Realm {@code failureFactor} (realm-config/payments-realm.json). */
    private static final int FAILURE_FACTOR = 5;
    /**
     * Just over the realm's {@code quickLoginCheckMilliSeconds} (1000): failures closer together lock at the second
     * one already (Keycloak's quick-login check), and the later ones would not be counted.
     */
    private static final long PAUSE_MILLIS = 1_200;

    private final TxauthCluster cluster;

    AccountProtectionClusterIT(TxauthCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void wrongPasswordsSplitAcrossNodesLockTheUserOnBoth(@WithTotp TestUser user) throws InterruptedException {
        AuthorizationClient phone = cluster.newBrowser();
        for (int attempt = 0; attempt < FAILURE_FACTOR; attempt++) {
            Thread.sleep(PAUSE_MILLIS);
            cluster.alternate(attempt).pin(phone);
            Page refused = phone.submitPassword(phone.authorize(phone.authorizationParameters(Pkce.s256(),
                    Map.of())), user.username(), "wrong-password-" + attempt);
            assertFalse(refused.isAppRedirect(), "attempt " + attempt);
        }

        JsonNode onNode2 = cluster.node2().admin().get("/admin/realms/payments/attack-detection/brute-force/users/"
                + user.id()).json();
        assertEquals(FAILURE_FACTOR, onNode2.path("numFailures").asInt(), "both nodes' failures add up: " + onNode2);
        assertTrue(onNode2.path("disabled").asBoolean(), "node 2 knows node 1's failures: " + onNode2);
        for (int node = 1; node <= TxauthCluster.NODES; node++) {
            AuthorizationClient fresh = cluster.node(node).newBrowser();
            Page correct = fresh.submitPassword(fresh.authorize(fresh.authorizationParameters(Pkce.s256(),
                    Map.of())), user.username(), user.password());
            assertTrue(correct.form(AuthorizationClient.LOGIN_FORM).isPresent(),
                    "the right password is refused on node " + node + " while locked: " + correct.describe());
        }
    }

    @Test
    void bindingANewKeyOnNodeOneSignsTheOldKeyOutOnNodeTwo(@WithTotp TestUser user) {
        AuthorizationClient oldPhone = cluster.node2().newBrowser();
        TokenResponse old = mfaLogin(oldPhone, user);
        assertEquals(200, old.status(), old.body().toString());

        AuthorizationClient newPhone = cluster.node1().newBrowser().useDpopKey(DpopKey.generate());
        Pkce pkce = Pkce.s256();
        Page bindPage = newPhone.passSecondFactor(newPhone.submitPassword(newPhone.authorize(
                newPhone.authorizationParameters(pkce, Map.of())), user.username(), user.password()), user);
        assertTrue(bindPage.form(DeviceBindingIT.BIND_FORM).isPresent(), bindPage.describe());
        TokenResponse fresh = newPhone.tokens().exchangeCode(newPhone.submit(bindPage, DeviceBindingIT.BIND_FORM,
                Map.of("bind", "bind")).code(), pkce);
        assertEquals(200, fresh.status(), fresh.body().toString());

        TokenResponse oldRefresh = oldPhone.tokens().refresh(old.refreshToken());
        assertEquals(400, oldRefresh.status(), "node 2 must refuse the unbound key: " + oldRefresh.body());
        AuthorizationClient oldKeyAgain = cluster.node2().newBrowser().useDpopKey(oldPhone.dpop());
        Page page = oldKeyAgain.passSecondFactor(oldKeyAgain.submitPassword(oldKeyAgain.authorize(
                oldKeyAgain.authorizationParameters(Pkce.s256(), Map.of())), user.username(), user.password()), user);
        assertTrue(page.form(DeviceBindingIT.BIND_FORM).isPresent(),
                "node 2 treats the old key as unbound (asks to bind it again): " + page.describe());
        assertEquals(200, cluster.node2().pin(newPhone).tokens().refresh(fresh.refreshToken()).status());
    }

    private static TokenResponse mfaLogin(AuthorizationClient phone, TestUser user) {
        Pkce pkce = Pkce.s256();
        Page done = phone.login(user, pkce, Map.of("acr_values", "mfa"));
        assertTrue(done.isAppRedirect(), done.describe());
        return phone.tokens().exchangeCode(done.code(), pkce);
    }
}
