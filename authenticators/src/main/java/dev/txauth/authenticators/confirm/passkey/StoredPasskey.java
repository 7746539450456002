package dev.txauth.authenticators.confirm.passkey;

import java.util.Arrays;

/**
 * A registered WebAuthn credential as Keycloak stores it, reduced to what verification needs.
 *
 * @param modelId       Keycloak's credential id (for updating the counter)
 * @param credentialId  the raw WebAuthn credential id
 * @param aaguid        the authenticator model's AAGUID (UUID string), may be null
 * @param publicKeyCose the CBOR-encoded COSE public key as stored (base64url, or standard base64, see {@link #decode})
 * @param counter       the last signature counter seen
 */
public record StoredPasskey(String modelId, byte[] credentialId, String aaguid, String publicKeyCose, long counter) {

    /**
     * Decodes a stored base64 field as leniently as Keycloak's own WebAuthn login reads it: Keycloak writes the
     * credential id in standard base64 and the public key in base64url, but reads the key with {@code Base64Url.decode}
     * (either alphabet, padding optional) and the id with the MIME decoder (line breaks ignored). Credentials migrated
     * from other systems carry either form in either field, so every field accepts both alphabets, optional padding
     * and line breaks. Returns null for anything else.
     */
    public static byte[] decode(String stored) {
        if (stored == null) {
            return null;
        }
        String unwrapped = stored.replaceAll("[\\r\\n \\t]", "");
        int end = unwrapped.length();
        while (end > 0 && unwrapped.charAt(end - 1) == '=') {
            end--;
        }
        try {
            return java.util.Base64.getUrlDecoder().decode(unwrapped.substring(0, end).replace('+', '-')
                    .replace('/', '_'));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

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
