package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production choices of {@code payments-realm.json} as the server imported them (PaymentsRealmTest checks the
 * file): the reset flow, the level-1 max age a payment confirmation honours, the launcher's client-auth choice, and
 * the required actions (Keycloak's defaults and {@code txauth-verify-phone}).
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

    /**
     * A realm file that lists required actions gets only those (Keycloak adds its defaults only when the list is
     * absent), so {@code payments-realm.json} lists every default of this Keycloak too. Compared with a realm this
     * server creates from scratch, so a Keycloak upgrade that adds a default fails here instead of dropping it.
     */
    @Test
    void realmHasEveryDefaultRequiredActionOfKeycloakPlusPhoneVerification() {
        String fresh = "fresh-defaults-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, server.admin().post("/admin/realms", Map.of("realm", fresh, "enabled", true))
                .status());
        try {
            Map<String, JsonNode> defaults = requiredActions(fresh);
            Map<String, JsonNode> payments = requiredActions("payments");
            for (Map.Entry<String, JsonNode> expected : defaults.entrySet()) {
                JsonNode actual = payments.get(expected.getKey());
                assertNotNull(actual, "missing " + expected.getKey()
                        + "; Keycloak's defaults: " + defaults.values());
                for (String field : List.of("providerId", "name", "enabled", "defaultAction", "priority",
                        "config")) {
                    assertEquals(expected.getValue().path(field), actual.path(field), expected.getKey() + " " + field
                            + "; Keycloak's defaults: " + defaults.values());
                }
            }
            JsonNode phone = payments.get("txauth-verify-phone");
            assertNotNull(phone, "txauth-verify-phone is declared in the realm file");
            assertTrue(phone.path("enabled").asBoolean(), phone.toString());
            assertFalse(phone.path("defaultAction").asBoolean(),
                    "asked for by an administrator, not of every new user: " + phone);
            assertEquals(defaults.size() + 1, payments.size(), "the defaults and txauth-verify-phone, nothing else: "
                    + payments.keySet());
        } finally {
            server.admin().delete("/admin/realms/" + fresh);
        }
    }

    private Map<String, JsonNode> requiredActions(String realm) {
        Map<String, JsonNode> byAlias = new TreeMap<>();
        server.admin().get("/admin/realms/" + realm + "/authentication/required-actions").json()
                .forEach(action -> byAlias.put(action.path("alias").asText(), action));
        return byAlias;
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
