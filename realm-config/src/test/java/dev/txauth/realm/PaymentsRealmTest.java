package dev.txauth.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md §2 checked on the file itself, in milliseconds: a wrong edit fails here before any server starts.
 * (The integration tests then check the same settings on the imported realm.)
 */
class PaymentsRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode realm = read("payments-realm.json");

    @Test
    void mobileAppIsAPublicPkceS256ClientWithCodeFlowOnly() {
        JsonNode app = client("mobile-app");
        assertTrue(app.get("publicClient").asBoolean());
        assertTrue(app.get("standardFlowEnabled").asBoolean());
        assertFalse(app.get("implicitFlowEnabled").asBoolean());
        assertFalse(app.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(app.get("serviceAccountsEnabled").asBoolean());
        assertEquals("S256", app.get("attributes").get("pkce.code.challenge.method").asText());
        assertEquals(List.of("com.example.wallet:/oauth2redirect"), texts(app.get("redirectUris")));
    }

    @Test
    void paymentServiceIsConfidentialWithClientCredentialsOnlyAndNoSecretInTheFile() {
        JsonNode service = client("payment-service");
        assertFalse(service.get("publicClient").asBoolean());
        assertTrue(service.get("serviceAccountsEnabled").asBoolean());
        assertFalse(service.get("standardFlowEnabled").asBoolean());
        assertFalse(service.get("implicitFlowEnabled").asBoolean());
        assertFalse(service.get("directAccessGrantsEnabled").asBoolean());
        assertEquals("${PAYMENT_SERVICE_CLIENT_SECRET}", service.get("secret").asText());

        JsonNode account = null;
        for (JsonNode user : realm.get("users")) {
            if ("payment-service".equals(user.path("serviceAccountClientId").asText())) {
                account = user;
            }
        }
        assertTrue(account != null, "payment-service needs its service-account user in the realm file");
        assertTrue(texts(account.get("realmRoles")).contains("txauth-transaction-initiator"));
    }

    @Test
    void levelsOfAuthenticationMapLoginMfaTransaction() throws IOException {
        JsonNode map = JSON.readTree(realm.get("attributes").get("acr.loa.map").asText());
        assertEquals(1, map.get("login").asInt());
        assertEquals(2, map.get("mfa").asInt());
        assertEquals(3, map.get("transaction").asInt());
        assertEquals("txauth browser", realm.get("browserFlow").asText());
    }

    @Test
    void bruteForceAuditAndRefreshRotationAreOn() {
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertTrue(realm.get("revokeRefreshToken").asBoolean());
        assertEquals(0, realm.get("refreshTokenMaxReuse").asInt());
        assertTrue(texts(realm.get("eventsListeners")).contains("txauth-audit"));
        assertFalse(realm.get("otpPolicyCodeReusable").asBoolean());
    }

    @Test
    void demoUsersStayOutOfTheProductionFile() {
        for (JsonNode user : realm.get("users")) {
            assertTrue(user.has("serviceAccountClientId"), "only service accounts belong in payments-realm.json, found "
                    + user.get("username"));
            assertFalse(user.has("credentials"), "no credential may be committed in payments-realm.json");
        }
        JsonNode demo = read("dev/payments-users-0.json");
        assertEquals("payments", demo.get("realm").asText());
        assertFalse(demo.get("users").isEmpty());
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("client " + clientId + " missing");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode read(String name) {
        try {
            return JSON.readTree(Files.readString(Path.of(name)));
        } catch (IOException e) {
            throw new AssertionError("cannot read realm-config/" + name, e);
        }
    }
}
