package dev.txauth.authenticators.confirm.passkey;

import java.util.Arrays;

/**
 * A registered WebAuthn credential as Keycloak stores it, reduced to what verification needs.
 *
 * @param modelId       Keycloak's credential id (for updating the counter)
 * @param credentialId  the raw WebAuthn credential id
 * @param aaguid        the authenticator model's AAGUID (UUID string), may be null
 * @param publicKeyCose the CBOR-encoded COSE public key, base64url, exactly as Keycloak stores it
 * @param counter       the last signature counter seen
 */
public record StoredPasskey(String modelId, byte[] credentialId, String aaguid, String publicKeyCose, long counter) {

    public boolean hasCredentialId(byte[] id) {
        // Constant-time: the id is not secret, but there is no reason to leak how much of it matched.
        return id != null && java.security.MessageDigest.isEqual(credentialId, id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredPasskey p && p.modelId.equals(modelId) && Arrays.equals(p.credentialId,
                credentialId) && p.counter == counter;
    }

    @Override
    public int hashCode() {
        return modelId.hashCode();
    }

    @Override
    public String toString() {
        return "StoredPasskey[" + modelId + "]";
    }
}
