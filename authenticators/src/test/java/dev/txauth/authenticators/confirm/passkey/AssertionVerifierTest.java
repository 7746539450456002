package dev.txauth.authenticators.confirm.passkey;

import dev.txauth.authenticators.confirm.passkey.AssertionVerifier.Failure;
import dev.txauth.authenticators.confirm.passkey.AssertionVerifier.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssertionVerifierTest {

    private static final String ORIGIN = "https://bank.example";
    private static final String RP_ID = "bank.example";
    private static final String DETAIL = "{\"creditorAccount\":{\"bankCode\":\"058\",\"identification\":\"0123456789\","
            + "\"scheme\":\"NUBAN\"},\"creditorName\":\"Ada Obi\",\"instructedAmount\":{\"amount\":\"50000.00\","
            + "\"currency\":\"NGN\"},\"type\":\"payment_initiation\"}";
    private static final byte[] NONCE = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] USER = "3f1c1e4e-5b7a-4c1e-9a55-000000000001".getBytes(StandardCharsets.UTF_8);
    private static final RelyingParty RP = new RelyingParty(Set.of(ORIGIN), RP_ID, true);

    private final TestAuthenticator authenticator = new TestAuthenticator(0);
    private final byte[] challenge = TransactionChallenge.compute(DETAIL, NONCE);

    private Outcome verify(AssertionInput input, long storedCounter) {
        return AssertionVerifier.verify(input, List.of(authenticator.stored("kc-1", storedCounter)), USER, RP,
                challenge);
    }

    @Test
    void acceptsAssertionOverTheStoredTransaction() {
        Outcome outcome = verify(authenticator.sign(challenge, ORIGIN, RP_ID).input(USER), 0);
        assertTrue(outcome.verified(), String.valueOf(outcome.failure()));
        assertEquals("kc-1", outcome.passkey().modelId());
        assertEquals(1, outcome.signCount());
    }

    @Test
    void acceptsPasskeyMigratedWithStandardBase64PublicKeyAndForeignAaguid() {
        // Other systems store the COSE key in standard base64 with padding; Keycloak's own login accepts it.
        String standard = java.util.Base64.getEncoder().encodeToString(
                java.util.Base64.getUrlDecoder().decode(authenticator.publicKeyCose()));
        for (String aaguid : new String[] {null, "", "not-a-uuid", "ADCE000235BCC60A648B0B25F1F05503"}) {
            StoredPasskey migrated = new StoredPasskey("kc-1", authenticator.credentialId, aaguid,
                    "\n" + standard.substring(0, 40) + "\r\n" + standard.substring(40), 0);
            Outcome outcome = AssertionVerifier.verify(authenticator.sign(challenge, ORIGIN, RP_ID).input(USER),
                    List.of(migrated), USER, RP, challenge);
            assertTrue(outcome.verified(), aaguid + ": " + outcome.failure());
        }
        StoredPasskey plain = new StoredPasskey("kc-1", authenticator.credentialId, null, standard, 0);
        assertTrue(AssertionVerifier.verify(authenticator.sign(challenge, ORIGIN, RP_ID).input(USER), List.of(plain),
                USER, RP, challenge).verified());
    }

    @Test
    void acceptsAssertionWithoutUserHandle() {
        assertTrue(verify(authenticator.sign(challenge, ORIGIN, RP_ID).input(null), 0).verified());
    }

    @Test
    void refusesAssertionMadeForAnotherAmount() {
        byte[] other = TransactionChallenge.compute(DETAIL.replace("50000.00", "500000.00"), NONCE);
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(other, ORIGIN, RP_ID).input(USER), 0)
                .failure());
    }

    @Test
    void refusesAssertionMadeForAnotherPayee() {
        byte[] other = TransactionChallenge.compute(DETAIL.replace("Ada Obi", "Eve Obi")
                .replace("0123456789", "9876543210"), NONCE);
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(other, ORIGIN, RP_ID).input(USER), 0)
                .failure());
    }

    @Test
    void refusesAssertionMadeWithAnotherNonce() {
        byte[] other = TransactionChallenge.compute(DETAIL, "another-nonce".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(other, ORIGIN, RP_ID).input(USER), 0)
                .failure());
    }

    @Test
    void refusesForeignOrigin() {
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(challenge, "https://evil.example", RP_ID)
                .input(USER), 0).failure());
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(challenge, "http://bank.example", RP_ID)
                .input(USER), 0).failure());
    }

    @Test
    void acceptsExtraOriginOfTheRealmPolicy() {
        String app = "android:apk-key-hash:2c2RkYzY3Y2Q0NTFhOWU0Y2E3MmY5Yjk2MzVkYzE";
        RelyingParty withApp = new RelyingParty(Set.of(ORIGIN, app), RP_ID, true);
        Outcome outcome = AssertionVerifier.verify(authenticator.sign(challenge, app, RP_ID).input(USER),
                List.of(authenticator.stored("kc-1", 0)), USER, withApp, challenge);
        assertTrue(outcome.verified(), String.valueOf(outcome.failure()));
    }

    @Test
    void refusesAssertionForAnotherRpId() {
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(challenge, ORIGIN, "evil.example")
                .input(USER), 0).failure());
    }

    @Test
    void refusesTamperedSignature() {
        TestAuthenticator.Assertion good = authenticator.sign(challenge, ORIGIN, RP_ID);
        byte[] signature = good.signature().clone();
        signature[signature.length - 1] ^= 0x01;
        assertEquals(Failure.INVALID_ASSERTION, verify(new AssertionInput(good.credentialId(), good.clientDataJSON(),
                good.authenticatorData(), signature, USER), 0).failure());
    }

    @Test
    void refusesTamperedClientData() {
        TestAuthenticator.Assertion good = authenticator.sign(challenge, ORIGIN, RP_ID);
        byte[] clientData = new String(good.clientDataJSON(), StandardCharsets.UTF_8).replace("false", "true ")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Failure.INVALID_ASSERTION, verify(new AssertionInput(good.credentialId(), clientData,
                good.authenticatorData(), good.signature(), USER), 0).failure());
    }

    @Test
    void refusesSignatureOfAnotherKeyUnderTheRegisteredId() {
        TestAuthenticator impostor = new TestAuthenticator(0);
        TestAuthenticator.Assertion forged = impostor.sign(challenge, ORIGIN, RP_ID);
        assertEquals(Failure.INVALID_ASSERTION, verify(new AssertionInput(authenticator.credentialId,
                forged.clientDataJSON(), forged.authenticatorData(), forged.signature(), USER), 0).failure());
    }

    @Test
    void refusesReplayedOrDecreasingCounter() {
        AssertionInput first = authenticator.sign(challenge, ORIGIN, RP_ID).input(USER);
        assertTrue(verify(first, 0).verified());
        assertEquals(Failure.COUNTER_NOT_INCREASED, verify(first, 1).failure(), "same assertion again");
        assertEquals(Failure.COUNTER_NOT_INCREASED, verify(authenticator.sign(challenge, ORIGIN, RP_ID, "webauthn.get",
                TestAuthenticator.FLAG_UP | TestAuthenticator.FLAG_UV, 3).input(USER), 7).failure(), "went back");
    }

    @Test
    void acceptsAuthenticatorThatKeepsNoCounter() {
        // Synced passkeys report 0 forever; replay is then stopped by the single-use nonce, not the counter.
        AssertionInput zero = authenticator.sign(challenge, ORIGIN, RP_ID, "webauthn.get",
                TestAuthenticator.FLAG_UP | TestAuthenticator.FLAG_UV, 0).input(USER);
        Outcome outcome = verify(zero, 0);
        assertTrue(outcome.verified(), String.valueOf(outcome.failure()));
        assertEquals(0, outcome.signCount());
    }

    @Test
    void refusesCredentialOfAnotherUser() {
        TestAuthenticator others = new TestAuthenticator(0);
        assertEquals(Failure.UNKNOWN_CREDENTIAL, verify(others.sign(challenge, ORIGIN, RP_ID).input(USER), 0)
                .failure());
    }

    @Test
    void refusesUserHandleOfAnotherUser() {
        assertEquals(Failure.USER_HANDLE_MISMATCH, verify(authenticator.sign(challenge, ORIGIN, RP_ID)
                .input("someone-else".getBytes(StandardCharsets.UTF_8)), 0).failure());
    }

    @Test
    void requiresUserVerificationWhenThePolicyDoes() {
        AssertionInput presenceOnly = authenticator.sign(challenge, ORIGIN, RP_ID, "webauthn.get",
                TestAuthenticator.FLAG_UP, 1).input(USER);
        assertEquals(Failure.INVALID_ASSERTION, verify(presenceOnly, 0).failure());
        Outcome relaxed = AssertionVerifier.verify(presenceOnly, List.of(authenticator.stored("kc-1", 0)), USER,
                new RelyingParty(Set.of(ORIGIN), RP_ID, false), challenge);
        assertTrue(relaxed.verified(), String.valueOf(relaxed.failure()));
    }

    @Test
    void alwaysRequiresUserPresence() {
        AssertionInput silent = authenticator.sign(challenge, ORIGIN, RP_ID, "webauthn.get", 0, 1).input(USER);
        Outcome outcome = AssertionVerifier.verify(silent, List.of(authenticator.stored("kc-1", 0)), USER,
                new RelyingParty(Set.of(ORIGIN), RP_ID, false), challenge);
        assertEquals(Failure.INVALID_ASSERTION, outcome.failure());
    }

    @Test
    void refusesRegistrationCeremonyData() {
        assertEquals(Failure.INVALID_ASSERTION, verify(authenticator.sign(challenge, ORIGIN, RP_ID, "webauthn.create",
                TestAuthenticator.FLAG_UP | TestAuthenticator.FLAG_UV, 1).input(USER), 0).failure());
    }

    @Test
    void refusesMalformedBytesWithoutThrowing() {
        byte[] junk = {1, 2, 3};
        assertEquals(Failure.INVALID_ASSERTION, verify(new AssertionInput(authenticator.credentialId, junk, junk,
                junk, null), 0).failure());
        StoredPasskey brokenKey = new StoredPasskey("kc-2", authenticator.credentialId, null, "AAAA", 0);
        assertEquals(Failure.INVALID_ASSERTION, AssertionVerifier.verify(authenticator.sign(challenge, ORIGIN, RP_ID)
                .input(USER), List.of(brokenKey), USER, RP, challenge).failure());
    }
}
