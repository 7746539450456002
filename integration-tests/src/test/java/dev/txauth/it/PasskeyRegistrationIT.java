package dev.txauth.it;

import dev.txauth.testkit.browser.ChromeBrowser;
import dev.txauth.testkit.client.AuthorizationClient;
import dev.txauth.testkit.client.HttpForms;
import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.Pkce;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithTotp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The passkeys the transaction tests rely on are real: a software passkey stored through the admin REST API is one
 * Keycloak's own WebAuthn login accepts, and a real Chromium registers a passkey through Keycloak's own
 * {@code webauthn-register} required action with its virtual authenticator, then signs in with it.
 */
@TxauthKeycloakTest
class PasskeyRegistrationIT {

    static final Path SCREENSHOTS = Path.of(System.getProperty("txauth.screenshots.dir", "target/screenshots"));
    private static final Pattern CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    private final TxauthServer server;

    PasskeyRegistrationIT(TxauthServer server) {
        this.server = server;
    }

    @Test
    void keycloakStoresAndListsTheSoftwarePasskey() {
        SoftwarePasskey passkey = new SoftwarePasskey();
        TestUser user = TestUsers.withPasskey(server, "pk-list", passkey);

        JsonNode webauthn = webauthnCredential(user);
        JsonNode data = Json.parse(webauthn.get("credentialData").asText());
        assertArrayEquals(passkey.credentialId(), Base64.getDecoder().decode(data.get("credentialId").asText()));
    }

    @Test
    void keycloaksOwnWebAuthnLoginAcceptsTheSoftwarePasskey() {
        SoftwarePasskey passkey = new SoftwarePasskey();
        TestUser user = TestUsers.withPasskey(server, "pk-kc", passkey);
        AuthorizationClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();

        Page webauthnPage = app.submitPassword(app.authorize(app.authorizationParameters(pkce,
                Map.of("acr_values", "mfa"))), user.username(), user.password());
        Matcher challenge = CHALLENGE.matcher(webauthnPage.body());
        assertTrue(webauthnPage.form("form#webauth").isPresent() && challenge.find(),
                "mfa must offer Keycloak's WebAuthn login");
        Map<String, String> assertion = passkey.assertion(Base64.getUrlDecoder().decode(challenge.group(1)),
                server.baseUrl(), "localhost", user.id());
        Page done = app.submit(webauthnPage, "form#webauth", assertion);

        TokenResponse tokens = app.tokens().exchangeCode(done.code(), pkce);
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals("mfa", tokens.accessTokenClaims().get("acr").asText());
    }

    @Test
    void chromiumRegistersAPasskeyThroughKeycloaksRequiredActionAndSignsInWithIt(@WithTotp TestUser user) throws Exception {
        assertEquals(204, server.admin().put("/admin/realms/payments/users/" + user.id(),
                Map.of("requiredActions", List.of("webauthn-register"))).status());
        AuthorizationClient app = server.newBrowser();
        long started = System.nanoTime();
        try (ChromeBrowser chrome = ChromeBrowser.start()) {
            chrome.addPlatformAuthenticator();
            WebDriverWait wait = new WebDriverWait(chrome.driver(), Duration.ofSeconds(30));

            Pkce pkce = Pkce.s256();
            chrome.open(authorizationUrl(app, pkce, Map.of()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            chrome.screenshot(SCREENSHOTS.resolve("keycloak-login.png"));
            chrome.driver().findElement(By.id("username")).sendKeys(user.username());
            chrome.driver().findElement(By.id("password")).sendKeys(user.password());
            chrome.driver().findElement(By.id("kc-login")).click();
            // A browser the user never used before steps up first (device risk).
            chrome.answerOtpIfAsked(user, By.id("registerWebAuthn"));

            wait.until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn")));
            chrome.screenshot(SCREENSHOTS.resolve("webauthn-register.png"));
            chrome.driver().findElement(By.id("registerWebAuthn")).click();
            // Keycloak's page asks for a label with window.prompt; a user would accept the suggested one.
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            URI redirect = chrome.awaitAppRedirect(Duration.ofSeconds(30));
            TokenResponse first = app.tokens().exchangeCode(code(redirect), pkce);
            assertEquals(200, first.status(), first.body().toString());
            // Chromium's authenticator and Keycloak now hold the same credential.
            List<org.openqa.selenium.virtualauthenticator.Credential> inBrowser = chrome.passkeys();
            assertEquals(1, inBrowser.size());
            // Keycloak's default policy names no RP ID, so the browser takes the page's host; Chromium 150 then
            // reports none, older versions that host. The sign-in with it below proves Keycloak accepts it.
            String rpId = inBrowser.get(0).getRpId();
            assertTrue(rpId == null || rpId.equals("localhost"), "RP ID " + rpId);
            JsonNode stored = webauthnCredential(user);
            assertArrayEquals(inBrowser.get(0).getId(), Base64.getDecoder().decode(
                    Json.parse(stored.get("credentialData").asText()).get("credentialId").asText()));

            // Later use: step up to mfa; Keycloak's own WebAuthn login accepts the new passkey from the browser.
            // The user needed TOTP to pass this new device's step-up; now on the passkey alone (as a user who
            // removes the app), so Keycloak offers WebAuthn first rather than the OTP form.
            removeOtpCredentials(user);
            Pkce second = Pkce.s256();
            chrome.open(authorizationUrl(app, second, Map.of("acr_values", "mfa")));
            chrome.awaitClickable(By.id("authenticateWebAuthnButton")).click();
            TokenResponse stepUp = app.tokens().exchangeCode(code(chrome.awaitAppRedirect(Duration.ofSeconds(30))), second);
            assertEquals(200, stepUp.status(), stepUp.body().toString());
            assertEquals("mfa", stepUp.accessTokenClaims().get("acr").asText());
        }
        System.out.printf("Chromium passkey registration + sign-in: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertTrue(Files.size(SCREENSHOTS.resolve("keycloak-login.png")) > 1000);
    }

    private JsonNode webauthnCredential(TestUser user) {
        JsonNode credentials = server.admin().get("/admin/realms/payments/users/" + user.id() + "/credentials").json();
        for (JsonNode credential : credentials) {
            if (credential.get("type").asText().equals("webauthn")) {
                return credential;
            }
        }
        throw new AssertionError("Keycloak lists no webauthn credential: " + credentials);
    }

    static String authorizationUrl(AuthorizationClient app, Pkce pkce, Map<String, String> extra) {
        return app.realmUrl() + "/protocol/openid-connect/auth?"
                + HttpForms.encode(app.authorizationParameters(pkce, extra));
    }

    static String code(URI appRedirect) {
        for (String pair : appRedirect.getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No code in " + appRedirect);
    }

    private void removeOtpCredentials(TestUser user) {
        String path = "/admin/realms/payments/users/" + user.id() + "/credentials";
        for (JsonNode credential : server.admin().get(path).json()) {
            if ("otp".equals(credential.get("type").asText())) {
                assertEquals(204, server.admin().delete(path + "/" + credential.get("id").asText()).status());
            }
        }
    }
}
