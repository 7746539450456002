package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production choices of {@code payments-realm.json} as the server imported them (PaymentsRealmTest checks the
 * file): the reset flow, the level-1 max age a payment confirmation honours, and the launcher's client-auth choice.
 */
@TxauthKeycloakTest
class RealmDefaultsIT {

    private final TxauthServer server;

    RealmDefaultsIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void passwordLevelIsReusedForAtMostThirtyMinutes() {
        assertEquals("1800", loaConfig("txauth level 1 - password").path("loa-max-age").asText());
        assertEquals("0", loaConfig("txauth level 3 - transaction").path("loa-max-age").asText());
    }

    @Test
    void resetCredentialsUsesTheTxauthFlow() {
        assertEquals("txauth reset credentials", server.admin().get("/admin/realms/payments").json()
                .path("resetCredentialsFlow").asText());
    }

    @Test
    void localLauncherResolvesThePaymentServiceAuthPlaceholderToTheSecret() {
        JsonNode client = server.admin().get("/admin/realms/payments/clients?clientId=payment-service").json().get(0);
        assertEquals("client-secret", client.path("clientAuthenticatorType").asText());
        assertEquals("PS256", client.path("attributes").path("token.endpoint.auth.signing.alg").asText());
    }

    private JsonNode loaConfig(String flowAlias) {
        JsonNode executions = server.admin().get("/admin/realms/payments/authentication/flows/"
                + flowAlias.replace(" ", "%20") + "/executions").json();
        for (JsonNode e : executions) {
            if ("conditional-level-of-authentication".equals(e.path("providerId").asText())) {
                return server.admin().get("/admin/realms/payments/authentication/config/"
                        + e.path("authenticationConfig").asText()).json().path("config");
            }
        }
        throw new AssertionError("no LoA condition in " + flowAlias + ": " + executions);
    }
}
