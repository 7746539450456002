package dev.txauth.it;

import dev.txauth.testkit.client.Json;
import dev.txauth.testkit.client.Page;
import dev.txauth.testkit.client.PaymentService;
import dev.txauth.testkit.client.TokenResponse;
import dev.txauth.testkit.journey.ConfirmationPage;
import dev.txauth.testkit.journey.PaymentJourney;
import dev.txauth.testkit.server.TxauthKeycloakTest;
import dev.txauth.testkit.server.TxauthServer;
import dev.txauth.testkit.users.SoftwarePasskey;
import dev.txauth.testkit.users.TestUser;
import dev.txauth.testkit.users.TestUsers;
import dev.txauth.testkit.users.WithPasskey;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
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

        private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final TxauthServer server;
    private final PaymentService paymentService;
    private final PaymentJourney journey;

    TransactionPasskeyIT(TxauthServer server, PaymentService paymentService, PaymentJourney journey) {
        this.server = server;
        this.paymentService = paymentService;
        this.journey = journey;
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

    /** As an admin does in the console: Keycloak applies the WebAuthn policy only from a full representation. */
    private void setExtraOrigins(List<String> origins) {
        com.fasterxml.jackson.databind.node.ObjectNode realm =
                (com.fasterxml.jackson.databind.node.ObjectNode) server.admin().get("/admin/realms/payments").json();
        realm.set("webAuthnPolicyExtraOrigins", Json.MAPPER.valueToTree(origins));
        assertEquals(204, server.admin().put("/admin/realms/payments", realm).status());
        assertEquals(origins.size(), server.admin().get("/admin/realms/payments").json()
                .path("webAuthnPolicyExtraOrigins").size());
    }

    /** The refusal shows the page again without approving; the genuine assertion still works afterwards. */
    private void assertRejectedThenStillApprovable(ConfirmationPage c, Map<String, String> bad) throws Exception {
        Page again = c.submitPasskey(bad);
        assertFalse(again.isAppRedirect(), "a foreign assertion must not approve: " + again.appRedirect());
        assertTrue(again.form(ConfirmationPage.FORM).isPresent(), again.document().text());
        assertEquals("PENDING", paymentService.get(c.transactionId()).json().path("status").asText());

        ConfirmationPage retry = c.on(again);
        Page done = retry.submitPasskey(retry.passkeyAssertion());
        TokenResponse tokens = c.exchange(done);
        assertEquals(c.transactionId(), tokens.accessTokenClaims().path("txn_id").asText());
    }

    /** A genuine assertion over the page's own challenge approves, and what it leaves behind proves it. */
    @Nested
    class Approval {

        @Test
        void pageChallengeIsHashOfStoredDetailAndNonce(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "50000.00", "Ada Obi");
            Stored stored = stored(c.transactionId());
            Element form = c.form();

            assertEquals(B64URL.encodeToString(SoftwarePasskey.transactionChallenge(stored.detail(), stored.nonce())),
                    form.attr("data-challenge"));
            assertEquals("localhost", form.attr("data-rp-id"));
            assertEquals(c.user().passkey().credentialIdBase64Url(), form.attr("data-credential-ids"));
            assertEquals("required", form.attr("data-user-verification"));
            assertEquals(1, c.page().document().select("#txauth-passkey-button").size());
            assertEquals(0, c.page().document().select("script:not([src])").stream()
                    .filter(s -> s.data().contains("credentials.get")).count(), "passkey code must not be inline");
        }

        @Test
        void passkeyApprovalYieldsTokenCarryingTheTransaction(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "50000.00", "Ada Obi");

            long started = System.nanoTime();
            Page done = c.submitPasskey(c.passkeyAssertion());
            long confirmMillis = (System.nanoTime() - started) / 1_000_000;
            TokenResponse tokens = c.exchange(done);

            assertEquals(200, tokens.status(), tokens.body().toString());
            JsonNode claims = tokens.accessTokenClaims();
            assertEquals("transaction", claims.path("acr").asText());
            assertEquals(c.transactionId(), claims.path("txn_id").asText());
            assertEquals("50000.00", claims.path("txn_amount").asText());
            assertEquals("NGN", claims.path("txn_currency").asText());
            assertEquals("NUBAN:058:0123456789", claims.path("txn_destination").asText());
            assertEquals("Ada Obi", claims.path("authorization_details").path(0).path("creditorName").asText());
            assertEquals(c.transactionId(), tokens.body().path("authorization_details").path(0).path("identifier")
                    .asText());
            assertEquals("passkey", stored(c.transactionId()).method());
            assertEquals(200, paymentService.consume(c.transactionId()).status());
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
            TestUser user = TestUsers.user(server, "txn-pk-migrated").passkey(passkey, credential).create();
            try (Connection db = server.openDatabase(); PreparedStatement query = db.prepareStatement(
                    "SELECT credential_data FROM credential WHERE user_id = ? AND type = 'webauthn'")) {
                query.setString(1, user.id());
                try (ResultSet rs = query.executeQuery()) {
                    assertTrue(rs.next(), "no webauthn credential stored");
                    String storedKey = Json.parse(rs.getString(1)).path("credentialPublicKey").asText();
                    assertTrue(storedKey.matches(".*[+/=].*"), "not stored in standard base64: " + storedKey);
                }
            }

            ConfirmationPage c = journey.confirmationPage(user, "50000.00", "Ada Obi");
            Page done = c.submitPasskey(c.passkeyAssertion());
            assertTrue(done.isAppRedirect(), () -> "refused: " + done.document().text());
            TokenResponse tokens = c.exchange(done);
            assertEquals(200, tokens.status(), tokens.body().toString());
            assertEquals(c.transactionId(), tokens.accessTokenClaims().path("txn_id").asText());
            assertEquals("passkey", stored(c.transactionId()).method());
        }

        @Test
        void keptEvidenceReverifiesWithThePublicKeyAlone(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "1250.50", "Chidi Okafor");
            Map<String, String> assertion = c.passkeyAssertion();
            assertTrue(c.submitPasskey(assertion).isAppRedirect());
            Stored stored = stored(c.transactionId());
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
            es256.initVerify(c.user().passkey().publicKey());
            es256.update(Base64.getUrlDecoder().decode(evidence.path("authenticatorData").asText()));
            es256.update(java.security.MessageDigest.getInstance("SHA-256").digest(clientData));
            assertTrue(es256.verify(Base64.getUrlDecoder().decode(evidence.path("signature").asText())));
        }

        @Test
        void storedSignatureCounterFollowsTheAuthenticator(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "10.00", "Ada Obi");
            assertTrue(c.submitPasskey(c.passkeyAssertion()).isAppRedirect());
            JsonNode credentials = server.admin().get("/admin/realms/payments/users/" + c.user().id() + "/credentials")
                    .json();
            long counter = -1;
            for (JsonNode credential : credentials) {
                if (credential.path("type").asText().equals("webauthn")) {
                    counter = Json.parse(credential.path("credentialData").asText()).path("counter").asLong();
                }
            }
            assertEquals(c.user().passkey().signCount(), counter, "Keycloak must store the authenticator's counter");
        }

        @Test
        void nativeAppOriginIsAcceptedOnlyOnceListedInTheRealmPolicy(@WithPasskey TestUser user) throws Exception {
            // What Android's Credential Manager puts in clientDataJSON.origin for an app (hash of its signing cert).
            String appOrigin = "android:apk-key-hash:" + B64URL.encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest("wallet-signing-cert".getBytes()));
            ConfirmationPage c = journey.confirmationPage(user, "300.00", "Ada Obi");
            byte[] challenge = Base64.getUrlDecoder().decode(c.form().attr("data-challenge"));
            SoftwarePasskey passkey = c.user().passkey();
            Page refused = c.submitPasskey(passkey.assertion(challenge, appOrigin, "localhost", c.user().id()));
            assertFalse(refused.isAppRedirect(), "an unlisted app origin must not approve");

            setExtraOrigins(List.of(appOrigin));
            try {
                ConfirmationPage retry = c.on(refused);
                Page done = retry.submitPasskey(passkey.assertion(challenge, appOrigin, "localhost", c.user().id()));
                assertEquals(c.transactionId(), c.exchange(done).accessTokenClaims().path("txn_id")
                        .asText());
            } finally {
                setExtraOrigins(List.of());
            }
        }
    }

    /** An assertion for anything but this payment, this origin and this key approves nothing. */
    @Nested
    class RejectedAssertions {

        @Test
        void assertionMadeForAnotherAmountIsRejected(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "50000.00", "Ada Obi");
            Stored stored = stored(c.transactionId());
            String altered = stored.detail().replace("\"amount\":\"50000.00\"", "\"amount\":\"50001.00\"");
            assertFalse(altered.equals(stored.detail()), "the canonical detail must carry the amount: " + altered);

            assertRejectedThenStillApprovable(c, c.user().passkey().assertion(
                    SoftwarePasskey.transactionChallenge(altered, stored.nonce()), server.baseUrl(), "localhost",
                    c.user().id()));
        }

        @Test
        void assertionMadeForAnotherPayeeIsRejected(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "50000.00", "Ada Obi");
            Stored stored = stored(c.transactionId());
            String altered = stored.detail().replace("\"creditorName\":\"Ada Obi\"", "\"creditorName\":\"Eve Obi\"")
                    .replace("0123456789", "9876543210");
            assertFalse(altered.equals(stored.detail()), "the canonical detail must carry the payee: " + altered);

            assertRejectedThenStillApprovable(c, c.user().passkey().assertion(
                    SoftwarePasskey.transactionChallenge(altered, stored.nonce()), server.baseUrl(), "localhost",
                    c.user().id()));
        }

        @Test
        void assertionFromAnotherOriginIsRejected(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "75.00", "Ada Obi");
            Map<String, String> phishing = c.user().passkey().assertion(Base64.getUrlDecoder().decode(
                    c.form().attr("data-challenge")), "https://payments-login.example", "localhost", c.user().id());
            assertRejectedThenStillApprovable(c, phishing);
        }

        @Test
        void anotherUsersPasskeyIsRejected(@WithPasskey TestUser user, @WithPasskey TestUser mallory) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "75.00", "Ada Obi");
            assertRejectedThenStillApprovable(c, mallory.passkey().assertion(Base64.getUrlDecoder().decode(
                    c.form().attr("data-challenge")), server.baseUrl(), "localhost", c.user().id()));
        }

        @Test
        void tamperedSignatureAndMalformedFieldsAreRejected(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "75.00", "Ada Obi");
            Map<String, String> tampered = new HashMap<>(c.passkeyAssertion());
            byte[] signature = Base64.getUrlDecoder().decode(tampered.get("signature"));
            signature[signature.length - 1] ^= 0x01;
            tampered.put("signature", B64URL.encodeToString(signature));
            Page again = c.submitPasskey(tampered);
            assertFalse(again.isAppRedirect(), "a forged signature must not approve");

            Map<String, String> garbage = new HashMap<>(c.passkeyAssertion());
            garbage.put("authenticatorData", "%%%not-base64%%%");
            Page stillPending = c.app().submit(again, ConfirmationPage.FORM, garbage);
            assertFalse(stillPending.isAppRedirect());
            assertEquals("PENDING", paymentService.get(c.transactionId()).json().path("status").asText());
        }

        @Test
        void fiveForeignAssertionsLockTheTransaction(@WithPasskey TestUser user) throws Exception {
            ConfirmationPage c = journey.confirmationPage(user, "900.00", "Ada Obi");
            byte[] otherAmount = SoftwarePasskey.transactionChallenge(
                    stored(c.transactionId()).detail().replace("900.00", "9.00"),
                    stored(c.transactionId()).nonce());
            Page page = c.page();
            for (int attempt = 1; attempt <= 4; attempt++) {
                page = c.app().submit(page, ConfirmationPage.FORM, c.user().passkey().assertion(otherAmount,
                        server.baseUrl(), "localhost", c.user().id()));
                assertFalse(page.isAppRedirect(), "attempt " + attempt + " ended the flow early");
            }
            Page locked = c.app().submit(page, ConfirmationPage.FORM, c.user().passkey().assertion(otherAmount,
                    server.baseUrl(), "localhost", c.user().id()));

            assertEquals("access_denied", locked.appRedirectParameters().get("error"));
            assertEquals("LOCKED", paymentService.get(c.transactionId()).json().path("status").asText());
        }
    }
}
