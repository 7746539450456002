package dev.txauth.authenticators.confirm.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;

import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies one WebAuthn assertion against the user's registered credentials and a transaction challenge, with
 * webauthn4j (the library and version Keycloak itself ships). Free of Keycloak types so every rule is unit-tested.
 * <p>
 * Checks: the credential belongs to this user; the user handle (when sent) is this user's; clientDataJSON is a
 * {@code webauthn.get} for exactly this challenge from an accepted origin; authenticatorData starts with SHA-256(rpId),
 * has UP (and UV when required); the signature verifies with the stored public key; the signature counter increased
 * (unless the authenticator does not keep one, i.e. both counters are 0).
 */
public final class AssertionVerifier {

    /** Why an assertion was refused: for debug logs and tests only, never shown to the user. */
    public enum Failure {
        UNKNOWN_CREDENTIAL, USER_HANDLE_MISMATCH, INVALID_ASSERTION, COUNTER_NOT_INCREASED
    }

    /** The result: either the passkey that signed and its new counter, or the failure. */
    public record Outcome(StoredPasskey passkey, long signCount, Failure failure) {
        public boolean verified() {
            return failure == null;
        }
    }

    // Both are immutable after construction and shared by all requests (building Jackson mappers is not free).
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);

    private AssertionVerifier() {
    }

    /**
     * @param assertion          what the client posted
     * @param usersPasskeys      the user's WebAuthn credentials (never another user's)
     * @param expectedUserHandle the WebAuthn user.id Keycloak registers: UTF-8 bytes of the Keycloak user id
     * @param relyingParty       accepted origins, RP ID and UV requirement
     * @param challenge          {@link TransactionChallenge#compute} of the STORED detail and nonce
     */
    public static Outcome verify(AssertionInput assertion, List<StoredPasskey> usersPasskeys, byte[] expectedUserHandle,
                                 RelyingParty relyingParty, byte[] challenge) {
        StoredPasskey passkey = usersPasskeys.stream().filter(p -> p.hasCredentialId(assertion.credentialId()))
                .findFirst().orElse(null);
        if (passkey == null) {
            return new Outcome(null, 0, Failure.UNKNOWN_CREDENTIAL);
        }
        if (assertion.userHandle() != null && !MessageDigest.isEqual(assertion.userHandle(), expectedUserHandle)) {
            return new Outcome(passkey, 0, Failure.USER_HANDLE_MISMATCH);
        }
        long signCount;
        try {
            signCount = verifyWithWebAuthn4j(assertion, passkey, relyingParty, challenge);
        } catch (RuntimeException e) {
            // webauthn4j reports every defect (bad origin, rpId, challenge, flags, signature, counter, malformed CBOR
            // or JSON) as a runtime exception; the caller must not learn which, so all map to one failure.
            return new Outcome(passkey, 0, e instanceof MaliciousCounterValueException
                    ? Failure.COUNTER_NOT_INCREASED : Failure.INVALID_ASSERTION);
        }
        // webauthn4j enforces the same rule; checked here too so the rule does not depend on its configurable handler.
        if ((signCount > 0 || passkey.counter() > 0) && signCount <= passkey.counter()) {
            return new Outcome(passkey, 0, Failure.COUNTER_NOT_INCREASED);
        }
        return new Outcome(passkey, signCount, null);
    }

    /**
     * An assertion does not depend on the authenticator model, so an AAGUID another system stored in a form webauthn4j
     * cannot read (blank, no hyphens, garbage) must not refuse the passkey: it is then the all-zero AAGUID.
     */
    private static AAGUID aaguid(String stored) {
        if (stored != null && !stored.isBlank()) {
            try {
                return new AAGUID(stored.trim());
            } catch (RuntimeException unreadable) {
                byte[] raw = StoredPasskey.decode(stored);
                if (raw != null && raw.length == 16) {
                    return new AAGUID(raw);
                }
            }
        }
        return AAGUID.ZERO;
    }

    private static long verifyWithWebAuthn4j(AssertionInput assertion, StoredPasskey passkey, RelyingParty rp,
                                             byte[] challenge) {
        byte[] cose = StoredPasskey.decode(passkey.publicKeyCose());
        COSEKey publicKey = cose == null ? null : CONVERTER.getCborConverter().readValue(cose, COSEKey.class);
        if (publicKey == null) {
            throw new IllegalStateException("stored public key is empty or not base64");
        }
        AttestedCredentialData attested = new AttestedCredentialData(aaguid(passkey.aaguid()), passkey.credentialId(),
                publicKey);
        CredentialRecordImpl record = new CredentialRecordImpl(null, null, null, null, passkey.counter(), attested,
                null, null, null, null);
        Set<Origin> origins = rp.origins().stream().map(Origin::new).collect(Collectors.toSet());
        // A cross-origin iframe (topOrigin) is never expected: the confirmation page is a top-level Keycloak page.
        ServerProperty server = ServerProperty.builder().origins(origins).rpId(rp.rpId())
                .challenge(new DefaultChallenge(challenge)).build();
        AuthenticationRequest request = new AuthenticationRequest(assertion.credentialId(), assertion.userHandle(),
                assertion.authenticatorData(), assertion.clientDataJSON(), null, assertion.signature());
        AuthenticationParameters parameters = new AuthenticationParameters(server, record,
                List.of(passkey.credentialId()), rp.userVerificationRequired(), true);
        AuthenticationData data = MANAGER.verify(request, parameters);
        return data.getAuthenticatorData().getSignCount();
    }
}
