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
        // docs/api.md §8: the bound device is the app's DPoP key, so every mobile-app token must be DPoP-bound.
        assertEquals("true", app.get("attributes").get("dpop.bound.access.tokens").asText());
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

    @Test
    void paymentServiceAuthenticatesWithPrivateKeyJwtChosenByTheLauncher() {
        JsonNode service = client("payment-service");
        // docker-compose.yml resolves it to client-jwt (production); the dev server and tests to client-secret
        assertEquals("${PAYMENT_SERVICE_CLIENT_AUTH}", service.get("clientAuthenticatorType").asText());
        JsonNode attributes = service.get("attributes");
        assertEquals("true", attributes.get("use.jwks.url").asText());
        assertEquals("${PAYMENT_SERVICE_JWKS_URL}", attributes.get("jwks.url").asText());
        assertEquals("PS256", attributes.get("token.endpoint.auth.signing.alg").asText());
    }

    @Test
    void passwordLevelReusedByAPaymentConfirmationForAtMostThirtyMinutes() {
        int maxAge = loaMaxAge("txauth-loa-1");
        assertEquals(1800, maxAge);
        assertTrue(maxAge < 36000 && maxAge <= realm.get("ssoSessionIdleTimeout").asInt());
        assertEquals(0, loaMaxAge("txauth-loa-3"));
    }

    @Test
    void resetFlowProvesAnExistingFactorBeforeTheNewPasswordAndNeverResetsOtp() {
        assertTrue(realm.get("resetPasswordAllowed").asBoolean());
        assertEquals("txauth reset credentials", realm.get("resetCredentialsFlow").asText());
        List<String> steps = steps("txauth reset credentials");
        assertFalse(steps.contains("reset-otp"), steps.toString());
        assertTrue(steps.indexOf("reset-credential-email") < steps.indexOf("conditional-user-configured"), steps.toString());
        assertTrue(steps.indexOf("auth-otp-form") < steps.indexOf("reset-password"), steps.toString());
        assertTrue(steps.indexOf("webauthn-authenticator") < steps.indexOf("reset-password"), steps.toString());
    }

    @Test
    void enrollingAFactorDemandsAnExistingOneAfterTheSsoCookieAndAlertsTheUser() {
        List<String> steps = steps("txauth browser");
        assertTrue(steps.indexOf("auth-cookie") < steps.indexOf("txauth-condition-enrolment"), steps.toString());
        assertTrue(texts(realm.get("eventsListeners")).contains("txauth-factor-alert"));
    }

    @Test
    void transactionScopeKeepsAcrTransactionOffRefreshedTokens() {
        for (JsonNode scope : realm.get("clientScopes")) {
            if ("txauth-transaction".equals(scope.get("name").asText())) {
                for (JsonNode mapper : scope.get("protocolMappers")) {
                    if ("txauth-transaction-acr".equals(mapper.get("protocolMapper").asText())) {
                        assertEquals("true", mapper.get("config").get("access.token.claim").asText());
                        assertEquals("true", mapper.get("config").get("id.token.claim").asText());
                        assertEquals("true", mapper.get("config").get("introspection.token.claim").asText());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("scope txauth-transaction needs mapper txauth-transaction-acr");
    }

    @Test
    void riskStepUpAndLevelTwoOfferTheSmsCodeOnlyBehindTheVerifiedPhoneCondition() {
        // the code step first: Keycloak links "Try another way" only from the first step of a sub-flow
        List<String> withSms = List.of("auth-otp-form", "webauthn-authenticator", "txauth-sms-login-code",
                "txauth-condition-verified-phone");
        assertEquals(withSms, steps("txauth risk second factor"));
        assertEquals(withSms, steps("txauth second factor"), "a customer whose phone is their only factor can pay");
        // moving the account to another phone's app stays TOTP or passkey (docs/api.md §8)
        assertEquals(List.of("auth-otp-form", "webauthn-authenticator"), steps("txauth another phone second factor"));
    }

    @Test
    void phoneVerificationIsDeclaredNextToKeycloaksDefaultRequiredActions() {
        List<String> aliases = new ArrayList<>();
        for (JsonNode action : realm.get("requiredActions")) {
            aliases.add(action.get("alias").asText());
            if ("txauth-verify-phone".equals(action.get("alias").asText())) {
                assertTrue(action.get("enabled").asBoolean());
                assertFalse(action.get("defaultAction").asBoolean());
            }
        }
        assertTrue(aliases.contains("txauth-verify-phone"), aliases.toString());
        // a listed set replaces Keycloak's defaults: the ones this realm relies on must be there (RealmDefaultsIT
        // compares the whole list with a fresh realm of the running server)
        assertTrue(aliases.containsAll(List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD", "VERIFY_EMAIL", "UPDATE_PROFILE",
                "VERIFY_PROFILE", "webauthn-register", "webauthn-register-passwordless",
                "CONFIGURE_RECOVERY_AUTHN_CODES", "delete_credential", "update_user_locale")), aliases.toString());
    }

    /** Authenticator ids of a flow and its sub-flows, depth first in priority order. */
    private List<String> steps(String alias) {
        List<String> steps = new ArrayList<>();
        for (JsonNode flow : realm.get("authenticationFlows")) {
            if (alias.equals(flow.get("alias").asText())) {
                List<JsonNode> executions = new ArrayList<>();
                flow.get("authenticationExecutions").forEach(executions::add);
                executions.sort(java.util.Comparator.comparingInt(e -> e.get("priority").asInt()));
                for (JsonNode e : executions) {
                    if (e.get("authenticatorFlow").asBoolean()) {
                        steps.addAll(steps(e.get("flowAlias").asText()));
                    } else {
                        steps.add(e.get("authenticator").asText());
                    }
                }
                return steps;
            }
        }
        throw new AssertionError("flow " + alias + " missing");
    }

    @Test
    void dashboardClientIsPublicWithPkceAndOnlyItsOwnPageAsRedirect() {
        JsonNode dashboard = client("txauth-dashboard");
        assertEquals(true, dashboard.get("publicClient").asBoolean());
        assertEquals(false, dashboard.get("directAccessGrantsEnabled").asBoolean(), "no password grant");
        assertEquals(false, dashboard.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", dashboard.get("attributes").get("pkce.code.challenge.method").asText());
        assertEquals(List.of("/realms/payments/txauth-dashboard/"), texts(dashboard.get("redirectUris")));
    }

    private int loaMaxAge(String configAlias) {
        for (JsonNode config : realm.get("authenticatorConfig")) {
            if (configAlias.equals(config.get("alias").asText())) {
                return config.get("config").get("loa-max-age").asInt();
            }
        }
        throw new AssertionError("authenticator config " + configAlias + " missing");
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
