package dev.txauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txauth.testkit.Json;
import dev.txauth.testkit.OidcClient;
import dev.txauth.testkit.Page;
import dev.txauth.testkit.PaymentService;
import dev.txauth.testkit.Pkce;
import dev.txauth.testkit.SoftwarePasskey;
import dev.txauth.testkit.TestUser;
import dev.txauth.testkit.TestUsers;
import dev.txauth.testkit.TokenResponse;
import dev.txauth.testkit.TransactionConfirmation;
import dev.txauth.testkit.TxauthKeycloakTest;
import dev.txauth.testkit.TxauthServer;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story: the user approves a registered payment with a passkey, the way a native app's platform WebAuthn API or a
 * browser would, over plain HTTP with a software authenticator. The WebAuthn challenge binds the exact amount and
 * payee (dynamic linking), and the kept evidence re-verifies with nothing but the public key.
 */
@TxauthKeycloakTest
class TransactionPasskeyIT {

    private static final Pattern KEYCLOAK_CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final TxauthServer server;
    private final PaymentService paymentService;

    TransactionPasskeyIT(TxauthServer server) {
        this.server = server;
        this.paymentService = new PaymentService(server);
    }

    /** A user with a software passkey, a registered payment, and the confirmation page they were shown. */
    private record Confirming(TestUser user, SoftwarePasskey passkey, String id, OidcClient app, Pkce pkce,
                              Page page) {
        Element form() {
            return page.form(TransactionConfirmation.CONFIRM_FORM).orElseThrow(() -> new AssertionError(
                    "no confirmation page: " + page.uri() + " " + page.appRedirect() + "\n" + page.document().text()));
        }

        Page submit(Map<String, String> assertion) {
            return app.submit(page, TransactionConfirmation.CONFIRM_FORM, assertion);
        }
    }

    private Confirming openConfirmation(String amount, String payee) {
        SoftwarePasskey passkey = new SoftwarePasskey();
        return openConfirmation(amount, payee, passkey, TestUsers.withPasskey(server, "txn-pk", passkey));
    }

    private Confirming openConfirmation(String amount, String payee, SoftwarePasskey passkey, TestUser user) {
        String id = paymentService.registerPayment(user.id(), amount, payee);
        OidcClient app = server.newBrowser();
        Pkce pkce = Pkce.s256();
        Page page = app.authorize(app.authorizationParameters(pkce, Map.of("acr_values", "transaction",
                "authorization_details", TransactionConfirmation.reference(id))));
        page = app.submitPassword(page, user.username(), user.password());
        if (page.form("form#webauth").isPresent()) {
            // Level 2 (second factor) comes first: Keycloak's own WebAuthn login, answered with the same passkey.
            Matcher challenge = KEYCLOAK_CHALLENGE.matcher(page.body());
            assertTrue(challenge.find(), "no challenge on Keycloak's WebAuthn page");
            page = app.submit(page, "form#webauth", passkey.assertion(Base64.getUrlDecoder().decode(
                    challenge.group(1)), server.baseUrl(), "localhost", user.id()));
        }
        Confirming confirming = new Confirming(user, passkey, id, app, pkce, page);
        confirming.form();
        return confirming;
    }

    /** The assertion a browser would produce for the page's own challenge. */
    private Map<String, String> assertionForPage(Confirming c) {
        Element form = c.form();
        return c.passkey().assertion(Base64.getUrlDecoder().decode(form.attr("data-challenge")),
                server.baseUrl(), form.attr("data-rp-id"), c.user().id());
    }

    private record Stored(String detail, byte[] nonce, String evidence, String method) {
    }

    private Stored stored(String id) throws Exception {
        try (Connection db = server.openDatabase();
             PreparedStatement query = db.prepareStatement(
                     "SELECT detail, nonce, evidence, method FROM txauth_transaction WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no row for " + id);
                return new Stored(rs.getString(1), Base64.getUrlDecoder().decode(rs.getString(2)), rs.getString(3),
                        rs.getString(4));
            }
        }
    }

    @Test
    void pageChallengeIsHashOfStoredDetailAndNonce() throws Exception {
        Confirming c = openConfirmation("50000.00", "Ada Obi");
        Stored stored = stored(c.id());
        Element form = c.form();

        assertEquals(B64URL.encodeToString(SoftwarePasskey.transactionChallenge(stored.detail(), stored.nonce())),
                form.attr("data-challenge"));
        assertEquals("localhost", form.attr("data-rp-id"));
        assertEquals(c.passkey().credentialIdBase64Url(), form.attr("data-credential-ids"));
        assertEquals("required", form.attr("data-user-verification"));
        assertEquals(1, c.page().document().select("#txauth-passkey-button").size());
        assertEquals(0, c.page().document().select("script:not([src])").stream()
                .filter(s -> s.data().contains("credentials.get")).count(), "passkey code must not be inline");
    }

    @Test
    void passkeyApprovalYieldsTokenCarryingTheTransaction() throws Exception {
        Confirming c = openConfirmation("50000.00", "Ada Obi");

        long started = System.nanoTime();
        Page done = c.submit(assertionForPage(c));
        long confirmMillis = (System.nanoTime() - started) / 1_000_000;
        TokenResponse tokens = c.app().exchangeCode(done.code(), c.pkce());

        assertEquals(200, tokens.status(), tokens.body().toString());
        JsonNode claims = tokens.accessTokenClaims();
        assertEquals("transaction", claims.path("acr").asText());
        assertEquals(c.id(), claims.path("txn_id").asText());
        assertEquals("50000.00", claims.path("txn_amount").asText());
        assertEquals("NGN", claims.path("txn_currency").asText());
        assertEquals("NUBAN:058:0123456789", claims.path("txn_destination").asText());
        assertEquals("Ada Obi", claims.path("authorization_details").path(0).path("creditorName").asText());
        assertEquals(c.id(), tokens.body().path("authorization_details").path(0).path("identifier").asText());
        assertEquals("passkey", stored(c.id()).method());
        assertEquals(200, paymentService.consume(c.id()).status());
        System.out.printf("Passkey confirmation POST (verify + approve + redirect): %d ms%n", confirmMillis);
    }

    @Test
    void passkeyMigratedWithStandardBase64PublicKeyConfirms() throws Exception {
        // Other systems store the COSE key in standard base64 with padding; pick a key whose encoding uses the two
        // characters base64url lacks, so a strict base64url reader would refuse it.
        SoftwarePasskey passkey = new SoftwarePasskey();
        while (!Base64.getEncoder().encodeToString(passkey.cosePublicKey()).matches(".*[+/].*")) {
            passkey = new SoftwarePasskey();
        }
        Map<String, Object> credential = new HashMap<>(passkey.keycloakCredential("webauthn", "migrated passkey"));
        Map<String, Object> data = new HashMap<>(Json.MAPPER.readValue((String) credential.get("credentialData"),
                Map.class));
        data.put("credentialPublicKey", Base64.getEncoder().encodeToString(passkey.cosePublicKey()));
        credential.put("credentialData", Json.write(data));
        TestUser user = TestUsers.withCredential(server, "txn-pk-migrated", credential);
        try (Connection db = server.openDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT credential_data FROM credential WHERE user_id = ? AND type = 'webauthn'")) {
            query.setString(1, user.id());
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no webauthn credential stored");
                String storedKey = Json.parse(rs.getString(1)).path("credentialPublicKey").asText();
                assertTrue(storedKey.matches(".*[+/=].*"), "not stored in standard base64: " + storedKey);
            }
        }

        Confirming c = openConfirmation("50000.00", "Ada Obi", passkey, user);
        Page done = c.submit(assertionForPage(c));
        assertTrue(done.isAppRedirect(), () -> "refused: " + done.document().text());
        TokenResponse tokens = c.app().exchangeCode(done.code(), c.pkce());
        assertEquals(200, tokens.status(), tokens.body().toString());
        assertEquals(c.id(), tokens.accessTokenClaims().path("txn_id").asText());
        assertEquals("passkey", stored(c.id()).method());
    }

    @Test
    void keptEvidenceReverifiesWithThePublicKeyAlone() throws Exception {
        Confirming c = openConfirmation("1250.50", "Chidi Okafor");
        Map<String, String> assertion = assertionForPage(c);
        assertTrue(c.submit(assertion).isAppRedirect());
        Stored stored = stored(c.id());
        JsonNode evidence = Json.parse(stored.evidence());

        assertEquals(stored.detail(), evidence.path("canonicalDetail").asText());
        assertEquals(B64URL.encodeToString(stored.nonce()), evidence.path("nonce").asText());
        for (String field : List.of("credentialId", "clientDataJSON", "authenticatorData", "signature")) {
            assertEquals(assertion.get(field), evidence.path(field).asText(), field);
        }
        // An auditor's check, independent of txauth's code: challenge from detail + nonce, signature with the key.
        byte[] clientData = Base64.getUrlDecoder().decode(evidence.path("clientDataJSON").asText());
        JsonNode collected = Json.parse(new String(clientData, StandardCharsets.UTF_8));
        assertEquals(B64URL.encodeToString(SoftwarePasskey.transactionChallenge(
                evidence.path("canonicalDetail").asText(), stored.nonce())), collected.path("challenge").asText());
        Signature es256 = Signature.getInstance("SHA256withECDSA");
        es256.initVerify(c.passkey().publicKey());
        es256.update(Base64.getUrlDecoder().decode(evidence.path("authenticatorData").asText()));
        es256.update(java.security.MessageDigest.getInstance("SHA-256").digest(clientData));
        assertTrue(es256.verify(Base64.getUrlDecoder().decode(evidence.path("signature").asText())));
    }

    @Test
    void assertionMadeForAnotherAmountIsRejected() throws Exception {
        Confirming c = openConfirmation("50000.00", "Ada Obi");
        Stored stored = stored(c.id());
        String altered = stored.detail().replace("\"amount\":\"50000.00\"", "\"amount\":\"50001.00\"");
        assertFalse(altered.equals(stored.detail()), "the canonical detail must carry the amount: " + altered);

        assertRejectedThenStillApprovable(c, c.passkey().assertion(
                SoftwarePasskey.transactionChallenge(altered, stored.nonce()), server.baseUrl(), "localhost",
                c.user().id()));
    }

    @Test
    void assertionMadeForAnotherPayeeIsRejected() throws Exception {
        Confirming c = openConfirmation("50000.00", "Ada Obi");
        Stored stored = stored(c.id());
        String altered = stored.detail().replace("\"creditorName\":\"Ada Obi\"", "\"creditorName\":\"Eve Obi\"")
                .replace("0123456789", "9876543210");
        assertFalse(altered.equals(stored.detail()), "the canonical detail must carry the payee: " + altered);

        assertRejectedThenStillApprovable(c, c.passkey().assertion(
                SoftwarePasskey.transactionChallenge(altered, stored.nonce()), server.baseUrl(), "localhost",
                c.user().id()));
    }

    @Test
    void assertionFromAnotherOriginIsRejected() throws Exception {
        Confirming c = openConfirmation("75.00", "Ada Obi");
        Map<String, String> phishing = c.passkey().assertion(Base64.getUrlDecoder().decode(
                c.form().attr("data-challenge")), "https://payments-login.example", "localhost", c.user().id());
        assertRejectedThenStillApprovable(c, phishing);
    }

    @Test
    void anotherUsersPasskeyIsRejected() throws Exception {
        Confirming c = openConfirmation("75.00", "Ada Obi");
        SoftwarePasskey mallory = new SoftwarePasskey();
        TestUsers.withPasskey(server, "mallory", mallory);
        assertRejectedThenStillApprovable(c, mallory.assertion(Base64.getUrlDecoder().decode(
                c.form().attr("data-challenge")), server.baseUrl(), "localhost", c.user().id()));
    }

    @Test
    void tamperedSignatureAndMalformedFieldsAreRejected() throws Exception {
        Confirming c = openConfirmation("75.00", "Ada Obi");
        Map<String, String> tampered = new HashMap<>(assertionForPage(c));
        byte[] signature = Base64.getUrlDecoder().decode(tampered.get("signature"));
        signature[signature.length - 1] ^= 0x01;
        tampered.put("signature", B64URL.encodeToString(signature));
        Page again = c.submit(tampered);
        assertFalse(again.isAppRedirect(), "a forged signature must not approve");

        Map<String, String> garbage = new HashMap<>(assertionForPage(c));
        garbage.put("authenticatorData", "%%%not-base64%%%");
        Page stillPending = c.app().submit(again, TransactionConfirmation.CONFIRM_FORM, garbage);
        assertFalse(stillPending.isAppRedirect());
        assertEquals("PENDING", paymentService.get(c.id()).json().path("status").asText());
    }

    @Test
    void nativeAppOriginIsAcceptedOnlyOnceListedInTheRealmPolicy() throws Exception {
        // What Android's Credential Manager puts in clientDataJSON.origin for an app (hash of its signing cert).
        String appOrigin = "android:apk-key-hash:" + B64URL.encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest("wallet-signing-cert".getBytes()));
        Confirming c = openConfirmation("300.00", "Ada Obi");
        byte[] challenge = Base64.getUrlDecoder().decode(c.form().attr("data-challenge"));
        Page refused = c.submit(c.passkey().assertion(challenge, appOrigin, "localhost", c.user().id()));
        assertFalse(refused.isAppRedirect(), "an unlisted app origin must not approve");

        setExtraOrigins(List.of(appOrigin));
        try {
            Confirming retry = new Confirming(c.user(), c.passkey(), c.id(), c.app(), c.pkce(), refused);
            Page done = retry.submit(c.passkey().assertion(challenge, appOrigin, "localhost", c.user().id()));
            assertEquals(c.id(), c.app().exchangeCode(done.code(), c.pkce()).accessTokenClaims().path("txn_id")
                    .asText());
        } finally {
            setExtraOrigins(List.of());
        }
    }

    /** As an admin does in the console: Keycloak applies the WebAuthn policy only from a full representation. */
    private void setExtraOrigins(List<String> origins) {
        com.fasterxml.jackson.databind.node.ObjectNode realm =
                (com.fasterxml.jackson.databind.node.ObjectNode) server.admin().get("/admin/realms/payments").json();
        realm.set("webAuthnPolicyExtraOrigins", Json.MAPPER.valueToTree(origins));
        assertEquals(204, server.admin().put("/admin/realms/payments", realm).status());
        assertEquals(origins.size(), server.admin().get("/admin/realms/payments").json()
                .path("webAuthnPolicyExtraOrigins").size());
    }

    @Test
    void fiveForeignAssertionsLockTheTransaction() throws Exception {
        Confirming c = openConfirmation("900.00", "Ada Obi");
        byte[] otherAmount = SoftwarePasskey.transactionChallenge(stored(c.id()).detail().replace("900.00", "9.00"),
                stored(c.id()).nonce());
        Page page = c.page();
        for (int attempt = 1; attempt <= 4; attempt++) {
            page = c.app().submit(page, TransactionConfirmation.CONFIRM_FORM, c.passkey().assertion(otherAmount,
                    server.baseUrl(), "localhost", c.user().id()));
            assertFalse(page.isAppRedirect(), "attempt " + attempt + " ended the flow early");
        }
        Page locked = c.app().submit(page, TransactionConfirmation.CONFIRM_FORM, c.passkey().assertion(otherAmount,
                server.baseUrl(), "localhost", c.user().id()));

        assertEquals("access_denied", locked.appRedirectParameters().get("error"));
        assertEquals("LOCKED", paymentService.get(c.id()).json().path("status").asText());
    }

    @Test
    void storedSignatureCounterFollowsTheAuthenticator() throws Exception {
        Confirming c = openConfirmation("10.00", "Ada Obi");
        assertTrue(c.submit(assertionForPage(c)).isAppRedirect());
        JsonNode credentials = server.admin().get("/admin/realms/payments/users/" + c.user().id() + "/credentials")
                .json();
        long counter = -1;
        for (JsonNode credential : credentials) {
            if (credential.path("type").asText().equals("webauthn")) {
                counter = Json.parse(credential.path("credentialData").asText()).path("counter").asLong();
            }
        }
        assertEquals(c.passkey().signCount(), counter, "Keycloak must store the authenticator's counter");
    }

    /** The refusal shows the page again without approving; the genuine assertion still works afterwards. */
    private void assertRejectedThenStillApprovable(Confirming c, Map<String, String> bad) throws Exception {
        Page again = c.submit(bad);
        assertFalse(again.isAppRedirect(), "a foreign assertion must not approve: " + again.appRedirect());
        assertTrue(again.form(TransactionConfirmation.CONFIRM_FORM).isPresent(), again.document().text());
        assertEquals("PENDING", paymentService.get(c.id()).json().path("status").asText());

        Confirming retry = new Confirming(c.user(), c.passkey(), c.id(), c.app(), c.pkce(), again);
        Page done = retry.submit(assertionForPage(retry));
        TokenResponse tokens = c.app().exchangeCode(done.code(), c.pkce());
        assertEquals(c.id(), tokens.accessTokenClaims().path("txn_id").asText());
    }
}
