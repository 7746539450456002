package dev.txauth.it;

import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.database.AuditTable;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithPasskey;
import dev.txauth.testkit.users.WithPhone;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Story: the users the kit injects are what their annotations promise, as Keycloak itself sees them. */
@TxauthKeycloakTest
class InjectedUsersIT {

    private final TxauthServer server;

    private final AuditTable audit;

    InjectedUsersIT(TxauthServer server, AuditTable audit) {
        this.server = server;
        this.audit = audit;
    }

    private List<String> credentialTypes(TestUser user) {
        List<String> types = new ArrayList<>();
        credentials(user).forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    private JsonNode credentials(TestUser user) {
        return server.admin().get("/admin/realms/" + TxauthServer.REALM + "/users/" + user.id() + "/credentials")
                .json();
    }

    private JsonNode attributes(TestUser user) {
        return server.admin().get("/admin/realms/" + TxauthServer.REALM + "/users/" + user.id()).json()
                .path("attributes");
    }

    @Test
    void eachPlainParameterIsAFreshPasswordOnlyUser(TestUser first, TestUser second) {
        assertNotEquals(first.id(), second.id());
        assertFalse(first.hasOtp() || first.hasPasskey());
        assertEquals(List.of("password"), credentialTypes(first));
    }

    @Test
    void totpUserPassesTheSecondFactorWithItsAuthenticatorApp(@WithTotp TestUser user, AuthorizationClient app) {
        assertEquals(List.of("password", "otp"), credentialTypes(user));
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of("acr_values", "mfa"));
        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals("mfa", tokens.accessTokenClaims().path("acr").asText());
    }

    @Test
    void passkeyUserHasItsKeyRegisteredAndPassesKeycloaksWebAuthnStep(@WithPasskey TestUser user,
                                                                     AuthorizationClient app) {
        JsonNode webauthn = null;
        for (JsonNode credential : credentials(user)) {
            if (credential.path("type").asText().equals("webauthn")) {
                webauthn = credential;
            }
        }
        assertTrue(webauthn != null, credentials(user).toString());
        assertEquals(Base64.getEncoder().encodeToString(user.passkey().credentialId()),
                Json.parse(webauthn.path("credentialData").asText()).path("credentialId").asText());
        Pkce pkce = Pkce.s256();
        Page done = app.login(user, pkce, Map.of("acr_values", "mfa"));
        assertEquals("mfa", app.tokens().exchangeCode(done.code(), pkce).accessTokenClaims().path("acr").asText());
    }

    @Test
    void phoneUserCarriesAVerifiedE164Number(@WithPhone TestUser user) {
        JsonNode attributes = attributes(user);
        assertEquals(TestUsers.DEFAULT_PHONE, user.phoneNumber());
        assertEquals(user.phoneNumber(), attributes.path("phone_number").path(0).asText(), attributes.toString());
        assertEquals("true", attributes.path("phone_number_verified").path(0).asText(), attributes.toString());
        // The user's creation is audited, without the number (docs/api.md: no full phone numbers stored).
        Map<String, Object> created = audit.awaitRow(user.id(), "ADMIN_CREATE_USER");
        assertFalse(String.valueOf(created.get("details_json")).contains(user.phoneNumber()), created.toString());
    }

    @Test
    void phoneUserMayHaveAnUnverifiedNumberAndFactorsBesides(
            @WithTotp @WithPhone(value = "+447700900123", verified = false) TestUser user) {
        JsonNode attributes = attributes(user);
        assertEquals("+447700900123", attributes.path("phone_number").path(0).asText(), attributes.toString());
        assertEquals("false", attributes.path("phone_number_verified").path(0).asText(), attributes.toString());
        assertTrue(credentialTypes(user).contains("otp"));
    }
}
