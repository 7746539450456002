package dev.txauth.authenticators.confirm.passkey;

import java.util.Set;

/**
 * What the server expects of an assertion, taken from the realm's WebAuthn policy and the request.
 *
 * @param origins                  accepted {@code clientDataJSON.origin} values: the server's own origin plus the
 *                                 policy's extra origins (e.g. {@code android:apk-key-hash:...} of a native app)
 * @param rpId                     the relying party id whose SHA-256 must head authenticatorData
 * @param userVerificationRequired whether the UV flag must be set (policy "required")
 */
public record RelyingParty(Set<String> origins, String rpId, boolean userVerificationRequired) {

    public RelyingParty {
        origins = Set.copyOf(origins);
        if (rpId == null || rpId.isBlank()) {
            throw new IllegalArgumentException("rpId must not be blank");
        }
    }
}
